package org.rhizome.graph.query.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.NoteFolders;
import org.rhizome.graph.note.NoteKeys;
import org.rhizome.graph.query.LinkResolution;
import org.rhizome.graph.query.lang.Ast.Expr;

/**
 * A query's result equals a brute-force evaluation of the same AST over the notes as written (not
 * as indexed): random workspaces (folders, same titles in several folders, aliases, nested tags,
 * typed properties, folder-qualified and unresolved links), random queries. The brute force
 * resolves links with {@link LinkResolution} in memory and walks the graph breadth-first; the
 * engine does it all in one SQL statement.
 */
class QueryEquivalenceProperties {
  private static final String[] FOLDERS = {"", "A", "A/B", "C"};
  private static final String[] TITLES = {"Ant", "Bee", "Cat", "Dog", "Eel", "Fox", "Gnu", "Hen"};
  private static final String[] TAGS = {"x", "x/y", "x/y/z", "z", "xy"};
  private static final String[] STATUS = {"open", "done", "Open"};

  /** One note as the test wrote it. */
  static final class N {
    String folder;
    String title;
    Soul soul;
    long id;
    long created;
    List<String> tags = new ArrayList<>();
    List<String> aliases = new ArrayList<>();
    List<String> links = new ArrayList<>();
    Map<String, Object> props = new LinkedHashMap<>();
    Set<N> out = new LinkedHashSet<>();
    Set<N> in = new LinkedHashSet<>();
  }

  @Property(tries = 25, seed = "1919")
  void queryEqualsBruteForce(@ForAll long seed) throws Exception {
    Random rnd = new Random(seed);
    Path dir = Files.createTempDirectory("query-prop");
    try (Workspace ws =
        Workspace.open(dir.resolve("ws.db"), DeviceKey.generate(new SecureRandom()))) {
      List<N> notes = workspace(ws, rnd);
      for (int q = 0; q < 25; q++) {
        String text = query(rnd, notes);
        List<String> expected = bruteForce(Parser.parse(text), notes);
        List<String> actual =
            ws.query(text).rows().stream().map(r -> r.folder() + "/" + r.title()).toList();
        assertThat(actual).as("seed %d: %s", seed, text).isEqualTo(expected);
      }
    }
  }

  private static List<N> workspace(Workspace ws, Random rnd) throws Exception {
    int count = 4 + rnd.nextInt(14);
    List<N> notes = new ArrayList<>();
    Set<String> used = new java.util.HashSet<>();
    while (notes.size() < count) {
      N n = new N();
      n.folder = FOLDERS[rnd.nextInt(FOLDERS.length)];
      n.title = TITLES[rnd.nextInt(TITLES.length)];
      if (!used.add(NoteFolders.key(n.folder) + "/" + n.title)) {
        continue;
      }
      for (int i = rnd.nextInt(3); i > 0; i--) {
        String tag = TAGS[rnd.nextInt(TAGS.length)];
        if (!n.tags.contains(tag)) {
          n.tags.add(tag);
        }
      }
      if (rnd.nextInt(4) == 0) {
        n.aliases.add(
            rnd.nextBoolean() ? TITLES[rnd.nextInt(TITLES.length)] : "Al" + rnd.nextInt(3));
      }
      if (rnd.nextInt(3) > 0) {
        n.props.put("rating", (long) rnd.nextInt(6));
      }
      if (rnd.nextInt(3) > 0) {
        n.props.put("status", STATUS[rnd.nextInt(STATUS.length)]);
      }
      if (rnd.nextInt(3) == 0) {
        n.props.put("people", List.of("p" + rnd.nextInt(3), "p" + rnd.nextInt(3)));
      }
      for (int i = rnd.nextInt(4); i > 0; i--) {
        int k = rnd.nextInt(10);
        n.links.add(
            k < 6
                ? TITLES[rnd.nextInt(TITLES.length)]
                : k < 8
                    ? FOLDERS[1 + rnd.nextInt(FOLDERS.length - 1)]
                        + "/"
                        + TITLES[rnd.nextInt(TITLES.length)]
                    : k < 9 ? "Al" + rnd.nextInt(3) : "Ghost");
      }
      notes.add(n);
    }
    for (N n : notes) {
      StringBuilder body = new StringBuilder("---\n");
      for (Map.Entry<String, Object> p : n.props.entrySet()) {
        body.append(p.getKey())
            .append(": ")
            .append(p.getValue() instanceof List<?> l ? l.toString() : p.getValue())
            .append('\n');
      }
      if (!n.aliases.isEmpty()) {
        body.append("aliases: ").append(n.aliases).append('\n');
      }
      body.append("---\n");
      for (String l : n.links) {
        body.append("see [[").append(l).append("]]\n");
      }
      for (String t : n.tags) {
        body.append('#').append(t).append(' ');
      }
      n.soul = ws.createNote(n.folder, n.title, body.toString());
      n.created = ws.findNote(n.soul).orElseThrow().created();
    }
    // Resolve every link as Obsidian does, in memory.
    for (N n : notes) {
      for (String target : n.links) {
        Optional<N> to = resolve(notes, n, target);
        to.ifPresent(
            t -> {
              n.out.add(t);
              t.in.add(n);
            });
      }
    }
    return notes;
  }

  private static Optional<N> resolve(List<N> notes, N from, String target) {
    String name = NoteKeys.linkKey(target);
    String folder = NoteKeys.linkFolderKey(target);
    Map<Long, N> byId = new HashMap<>();
    List<LinkResolution.Candidate> titles = new ArrayList<>();
    List<LinkResolution.Candidate> aliases = new ArrayList<>();
    long id = 0;
    for (N n : notes) {
      byId.put(id, n);
      LinkResolution.Candidate c =
          new LinkResolution.Candidate(id++, NoteFolders.key(n.folder), n.created, n.soul.value());
      if (NoteKeys.titleKey(n.title).equals(name)) {
        titles.add(c);
      }
      if (n.aliases.stream().anyMatch(a -> NoteKeys.titleKey(a).equals(name))) {
        aliases.add(c);
      }
    }
    Optional<LinkResolution.Candidate> t =
        LinkResolution.choose(titles, NoteFolders.key(from.folder), folder);
    if (t.isEmpty() && folder.isEmpty()) {
      t = LinkResolution.choose(aliases, NoteFolders.key(from.folder), folder);
    }
    return t.map(c -> byId.get(c.id()));
  }

  // ---- random queries

  private static String anchor(Random rnd, List<N> notes) {
    N n = notes.get(rnd.nextInt(notes.size()));
    return "[[" + (n.folder.isEmpty() ? "" : n.folder + "/") + n.title + "]]";
  }

  private static String source(Random rnd, List<N> notes, int depth) {
    int k = rnd.nextInt(depth > 1 ? 7 : 10);
    return switch (k) {
      case 0 -> "#" + TAGS[rnd.nextInt(TAGS.length)];
      case 1 -> "\"" + FOLDERS[rnd.nextInt(FOLDERS.length)] + "\"";
      case 2 -> "links to " + anchor(rnd, notes);
      case 3 -> "linked from " + anchor(rnd, notes);
      case 4 ->
          "within "
              + (1 + rnd.nextInt(3))
              + " of "
              + anchor(rnd, notes)
              + new String[] {"", " outgoing", " incoming"}[rnd.nextInt(3)];
      case 5 -> "path from " + anchor(rnd, notes) + " to " + anchor(rnd, notes);
      case 6 -> "all";
      case 7 -> "(" + source(rnd, notes, depth + 1) + " and " + source(rnd, notes, depth + 1) + ")";
      case 8 -> "(" + source(rnd, notes, depth + 1) + " or " + source(rnd, notes, depth + 1) + ")";
      default -> "not " + source(rnd, notes, depth + 1);
    };
  }

  private static String condition(Random rnd, int depth) {
    int k = rnd.nextInt(depth > 1 ? 9 : 12);
    String[] ops = {"=", "!=", "<", "<=", ">", ">="};
    return switch (k) {
      case 0 -> "rating " + ops[rnd.nextInt(ops.length)] + " " + rnd.nextInt(6);
      case 1 -> "status " + ops[rnd.nextInt(2)] + " \"" + STATUS[rnd.nextInt(STATUS.length)] + "\"";
      case 2 -> "tags contains \"" + TAGS[rnd.nextInt(TAGS.length)] + "\"";
      case 3 ->
          "links contains \"" + TITLES[rnd.nextInt(TITLES.length)].toLowerCase(Locale.ROOT) + "\"";
      case 4 -> "length(backlinks) " + ops[rnd.nextInt(ops.length)] + " " + rnd.nextInt(3);
      case 5 -> "people contains \"p" + rnd.nextInt(3) + "\"";
      case 6 -> "rating * 2 - 1 " + ops[rnd.nextInt(ops.length)] + " " + rnd.nextInt(10);
      case 7 -> "rating = null";
      case 8 ->
          "title "
              + ops[rnd.nextInt(ops.length)]
              + " \""
              + TITLES[rnd.nextInt(TITLES.length)]
              + "\"";
      case 9 -> "(" + condition(rnd, depth + 1) + " and " + condition(rnd, depth + 1) + ")";
      case 10 -> "(" + condition(rnd, depth + 1) + " or " + condition(rnd, depth + 1) + ")";
      default -> "not " + condition(rnd, depth + 1);
    };
  }

  private static String query(Random rnd, List<N> notes) {
    StringBuilder q = new StringBuilder("list");
    if (rnd.nextInt(4) > 0) {
      q.append(" from ").append(source(rnd, notes, 0));
    }
    if (rnd.nextInt(4) > 0) {
      q.append(" where ").append(condition(rnd, 0));
    }
    if (rnd.nextBoolean()) {
      q.append(" sort ")
          .append(rnd.nextBoolean() ? "rating" : "length(links)")
          .append(rnd.nextBoolean() ? " desc" : "");
    }
    if (rnd.nextInt(3) == 0) {
      q.append(" limit ").append(1 + rnd.nextInt(5));
    }
    return q.toString();
  }

  // ---- the brute force

  private static List<String> bruteForce(Ast.Query q, List<N> notes) {
    List<N> hits = new ArrayList<>();
    for (N n : notes) {
      if (in(q.from(), n, notes) && (q.where() == null || truthy(eval(q.where(), n)))) {
        hits.add(n);
      }
    }
    Comparator<N> order = (a, b) -> 0;
    for (Ast.SortKey k : q.sort()) {
      Comparator<N> c = (a, b) -> sqlCompare(eval(k.expr(), a), eval(k.expr(), b));
      Comparator<N> emptyLast = Comparator.comparing((N n) -> eval(k.expr(), n) == null);
      order = order.thenComparing(emptyLast).thenComparing(k.descending() ? c.reversed() : c);
    }
    order =
        order.thenComparing((N n) -> NoteKeys.titleKey(n.title)).thenComparing(n -> n.soul.value());
    hits.sort(order);
    if (q.limit() != null && hits.size() > q.limit()) {
      hits = hits.subList(0, q.limit());
    }
    return hits.stream().map(n -> n.folder + "/" + n.title).toList();
  }

  private static Optional<N> named(List<N> notes, String name) {
    N root = new N();
    root.folder = "";
    return resolve(notes, root, name);
  }

  private static boolean in(Ast.Source s, N n, List<N> notes) {
    if (s instanceof Ast.All) {
      return true;
    }
    if (s instanceof Ast.AndSource a) {
      return in(a.left(), n, notes) && in(a.right(), n, notes);
    }
    if (s instanceof Ast.OrSource o) {
      return in(o.left(), n, notes) || in(o.right(), n, notes);
    }
    if (s instanceof Ast.NotSource x) {
      return !in(x.inner(), n, notes);
    }
    if (s instanceof Ast.Folder f) {
      String k = NoteFolders.key(f.path());
      String mine = NoteFolders.key(n.folder);
      return k.isEmpty() || mine.equals(k) || mine.startsWith(k + "/");
    }
    if (s instanceof Ast.Tag t) {
      return n.tags.stream().anyMatch(x -> nested(x, t.tag()));
    }
    if (s instanceof Ast.LinksTo l) {
      return named(notes, l.note()).map(x -> n.out.contains(x)).orElse(false);
    }
    if (s instanceof Ast.LinkedFrom l) {
      return named(notes, l.note()).map(x -> x.out.contains(n)).orElse(false);
    }
    if (s instanceof Ast.Within w) {
      Optional<N> x = named(notes, w.note());
      return x.isPresent()
          && x.get() != n
          && distances(x.get(), w.distance(), w.direction()).containsKey(n);
    }
    Ast.Path p = (Ast.Path) s;
    Optional<N> a = named(notes, p.from());
    Optional<N> b = named(notes, p.to());
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    Map<N, Integer> da = distances(a.get(), p.maxLength(), Ast.Direction.BOTH);
    Map<N, Integer> db = distances(b.get(), p.maxLength(), Ast.Direction.BOTH);
    Integer d = da.get(b.get());
    return d != null && da.containsKey(n) && db.containsKey(n) && da.get(n) + db.get(n) == d;
  }

  private static Map<N, Integer> distances(N from, int max, Ast.Direction dir) {
    Map<N, Integer> dist = new HashMap<>();
    dist.put(from, 0);
    List<N> frontier = List.of(from);
    for (int d = 1; d <= max; d++) {
      List<N> next = new ArrayList<>();
      for (N x : frontier) {
        List<N> around = new ArrayList<>();
        if (dir != Ast.Direction.INCOMING) {
          around.addAll(x.out);
        }
        if (dir != Ast.Direction.OUTGOING) {
          around.addAll(x.in);
        }
        for (N y : around) {
          if (!dist.containsKey(y)) {
            dist.put(y, d);
            next.add(y);
          }
        }
      }
      frontier = next;
    }
    return dist;
  }

  private static boolean nested(String tag, String wanted) {
    String t = NoteKeys.tagKey(tag);
    String w = NoteKeys.tagKey(wanted);
    return t.equals(w) || t.startsWith(w + "/");
  }

  private static boolean truthy(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Double d) {
      return d != 0;
    }
    if (v instanceof List<?> l) {
      return !l.isEmpty();
    }
    return !v.toString().isEmpty();
  }

  /**
   * SQLite's order: NULL, then numbers, then text (by code unit here: the test's text is ASCII).
   */
  private static int sqlCompare(Object a, Object b) {
    int ra = a == null ? 0 : a instanceof Double ? 1 : 2;
    int rb = b == null ? 0 : b instanceof Double ? 1 : 2;
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    if (ra == 0) {
      return 0;
    }
    return ra == 1 ? Double.compare((Double) a, (Double) b) : a.toString().compareTo(b.toString());
  }

  private static Object eval(Expr e, N n) {
    if (e instanceof Ast.Literal l) {
      return l.value() instanceof Boolean b ? (b ? 1.0 : 0.0) : l.value();
    }
    if (e instanceof Ast.Field f) {
      return switch (f.name()) {
        case "title" -> n.title;
        case "tags" -> n.tags;
        case "links" -> n.out.stream().map(x -> x.title).distinct().toList();
        case "backlinks" -> n.in.stream().map(x -> x.title).toList();
        default -> {
          Object v = n.props.get(f.name());
          yield v instanceof Long x
              ? (Object) x.doubleValue()
              : v instanceof List<?> l ? l.get(0) : v;
        }
      };
    }
    if (e instanceof Ast.Call c) { // length()
      Object v = list(c.args().get(0), n);
      return (double) ((List<?>) v).size();
    }
    if (e instanceof Ast.Unary u) {
      return truthy(eval(u.operand(), n)) ? 0.0 : 1.0;
    }
    Ast.Binary b = (Ast.Binary) e;
    switch (b.op()) {
      case AND:
        return truthy(eval(b.left(), n)) && truthy(eval(b.right(), n)) ? 1.0 : 0.0;
      case OR:
        return truthy(eval(b.left(), n)) || truthy(eval(b.right(), n)) ? 1.0 : 0.0;
      case CONTAINS:
        {
          String x = (String) ((Ast.Literal) b.right()).value();
          String field = ((Ast.Field) b.left()).name();
          List<?> items = list(b.left(), n);
          boolean hit;
          if (field.equals("tags")) {
            hit = items.stream().anyMatch(t -> nested((String) t, x));
          } else if (field.equals("links")) {
            hit = items.stream().anyMatch(t -> ((String) t).equalsIgnoreCase(x));
          } else { // a property: an element equal, or text containing it, ignoring case
            hit =
                items.stream()
                    .anyMatch(
                        t ->
                            t.toString()
                                .toLowerCase(Locale.ROOT)
                                .contains(x.toLowerCase(Locale.ROOT)));
          }
          return hit ? 1.0 : 0.0;
        }
      default:
        break;
    }
    Object l = eval(b.left(), n);
    Object r = eval(b.right(), n);
    switch (b.op()) {
      case EQ:
        return l == null ? (r == null ? 1.0 : 0.0) : r != null && sqlCompare(l, r) == 0 ? 1.0 : 0.0;
      case NE:
        return l == null ? (r == null ? 0.0 : 1.0) : r == null || sqlCompare(l, r) != 0 ? 1.0 : 0.0;
      case LT:
        return l != null && r != null && sqlCompare(l, r) < 0 ? 1.0 : 0.0;
      case LE:
        return l != null && r != null && sqlCompare(l, r) <= 0 ? 1.0 : 0.0;
      case GT:
        return l != null && r != null && sqlCompare(l, r) > 0 ? 1.0 : 0.0;
      case GE:
        return l != null && r != null && sqlCompare(l, r) >= 0 ? 1.0 : 0.0;
      case ADD:
        return l == null || r == null ? null : (Double) l + (Double) r;
      case SUB:
        return l == null || r == null ? null : (Double) l - (Double) r;
      case MUL:
        return l == null || r == null ? null : (Double) l * (Double) r;
      default:
        throw new IllegalStateException(b.op().toString());
    }
  }

  private static List<?> list(Expr e, N n) {
    String name = ((Ast.Field) e).name();
    return switch (name) {
      case "tags" -> n.tags;
      case "links" -> n.out.stream().map(x -> x.title).distinct().toList();
      case "backlinks" -> n.in.stream().map(x -> x.title).toList();
      default -> {
        Object v = n.props.get(name);
        yield v == null ? List.of() : v instanceof List<?> l ? l : List.of(v);
      }
    };
  }
}
