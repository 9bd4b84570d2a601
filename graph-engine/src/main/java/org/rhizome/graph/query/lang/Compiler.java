package org.rhizome.graph.query.lang;

// Longer than 500 lines on purpose: one translation of the query AST to SQL, case by case over the
// node kinds; split, each part would need the whole of the others to read.

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.note.NoteFolders;
import org.rhizome.graph.note.NoteKeys;
import org.rhizome.graph.note.PropertyRows;
import org.rhizome.graph.query.SearchQuery;
import org.rhizome.graph.query.lang.Ast.Expr;
import org.rhizome.graph.query.lang.Ast.Op;
import org.rhizome.graph.tasks.Dates;

/**
 * Compiles a query's AST to one SQL statement over the index tables (note, tag, note_alias, link,
 * note_prop, task, note_fts). Values are inlined as SQL literals (strings quoted, quotes doubled),
 * so the statement has no parameters. Every comparison yields 0 or 1 (never NULL): {@code =} and
 * {@code !=} are null-safe, an ordering comparison with an empty side is false. Links are resolved
 * in SQL with {@link org.rhizome.graph.query.LinkResolution}'s rules (relative {@code ./} and
 * {@code ../} paths excepted). Anchor notes ({@code links to [[X]]}) are looked up beforehand and
 * passed in as index ids.
 */
final class Compiler {
  /** The static type of an expression. ANY: a property, whose type is known only per note. */
  enum Type {
    TEXT,
    NUMBER,
    DATE,
    BOOL,
    LIST,
    ANY
  }

  /**
   * How {@code contains} reads a list: tags match nested tags, titles and values compare ignoring
   * case.
   */
  enum ListKind {
    NONE,
    NOTE_TAGS,
    TASK_TAGS,
    VALUES,
    PROPERTY
  }

  /**
   * A compiled expression: SQL for its value (a list: its JSON), and for a list a SELECT of its
   * elements as column v.
   */
  record C(
      String sql, Type type, @Nullable String rows, ListKind kind, @Nullable String propertyKey) {
    static C of(String sql, Type type) {
      return new C(sql, type, null, ListKind.NONE, null);
    }
  }

  static final String SEP = "char(31)";
  static final long DAY = Dates.DAY_MILLIS;

  private final Map<String, Long> anchors;
  private final long now;
  private final long today;
  private boolean taskScope;
  private final List<String> warnings = new ArrayList<>();
  private final String source;

  Compiler(String source, Map<String, Long> anchors, long now, ZoneId zone) {
    this.source = source;
    this.anchors = anchors;
    this.now = now;
    this.today = Dates.dayOf(now, zone);
  }

  List<String> warnings() {
    return warnings;
  }

  /** The statement, and the static types of its value columns (after the fixed ones). */
  record Compiled(
      String sql, List<Type> columnTypes, List<@Nullable String> columnProperty, boolean grouped) {}

  Compiled compile(Ast.Query q) throws QueryException {
    taskScope = q.kind() == Ast.Kind.TASKS;
    String from = taskScope ? "task t JOIN note n ON n.id = t.note_id" : "note n";
    StringBuilder where = new StringBuilder("n.deleted = 0");
    if (!(q.from() instanceof Ast.All)) {
      where.append(" AND ").append(source(q.from()));
    }
    if (q.where() != null) {
      where.append(" AND ").append(truthy(expr(q.where())));
    }
    C group = q.groupBy() == null ? null : expr(q.groupBy());
    List<Type> types = new ArrayList<>();
    List<String> props = new ArrayList<>();
    if (q.kind() == Ast.Kind.COUNT) {
      if (group == null) {
        return new Compiled(
            "SELECT count(*) FROM " + from + " WHERE " + where, types, props, false);
      }
      types.add(group.type());
      props.add(group.propertyKey());
      return new Compiled(
          "SELECT "
              + display(group)
              + " AS g, count(*) FROM "
              + from
              + " WHERE "
              + where
              + " GROUP BY g ORDER BY min("
              + sortable(group)
              + ")",
          types,
          props,
          true);
    }
    StringBuilder select = new StringBuilder("SELECT n.id, n.soul, n.title, n.folder");
    if (taskScope) {
      select.append(
          ", t.line, t.mark_offset, t.mark, t.text, t.due, t.scheduled, t.start, t.done, t.created, t.priority, t.tags, t.links");
    }
    select.append(", ").append(group == null ? "NULL" : display(group));
    if (group != null) {
      types.add(group.type());
      props.add(group.propertyKey());
    } else {
      types.add(Type.ANY);
      props.add(null);
    }
    for (Ast.Column col : q.columns()) {
      C c = expr(col.expr());
      select.append(", ").append(display(c));
      types.add(c.type());
      props.add(c.propertyKey());
    }
    StringBuilder order = new StringBuilder();
    if (group != null) {
      order.append(sortable(group)).append(", ");
    }
    for (Ast.SortKey k : q.sort()) {
      String key = sortable(expr(k.expr()));
      order
          .append(key)
          .append(" IS NULL, ")
          .append(key)
          .append(k.descending() ? " DESC" : "")
          .append(", "); // empty values last
    }
    order.append("n.title_key, n.soul");
    if (taskScope) {
      order.append(", t.line");
    }
    String sql =
        select
            + " FROM "
            + from
            + " WHERE "
            + where
            + " ORDER BY "
            + order
            + (q.limit() == null ? "" : " LIMIT " + q.limit());
    return new Compiled(sql, types, props, group != null);
  }

  /**
   * A column's SQL: a property column carries every value with its type, as JSON, so dates and
   * lists read back right.
   */
  private static String display(C c) {
    if (c.propertyKey() != null) {
      return "(SELECT json_group_array(json_array(p.type, COALESCE(p.num, p.text))) FROM (SELECT * FROM note_prop p"
          + " WHERE p.note_id = n.id AND p.key = "
          + lit(c.propertyKey())
          + " ORDER BY p.ord) p)";
    }
    return c.sql();
  }

  /** What a sort or group orders by: a property by its first value, a list by its JSON. */
  private static String sortable(C c) {
    return c.sql();
  }

  // ---- sources

  private String source(Ast.Source s) throws QueryException {
    if (s instanceof Ast.All) {
      return "1";
    }
    if (s instanceof Ast.AndSource a) {
      return "(" + source(a.left()) + " AND " + source(a.right()) + ")";
    }
    if (s instanceof Ast.OrSource o) {
      return "(" + source(o.left()) + " OR " + source(o.right()) + ")";
    }
    if (s instanceof Ast.NotSource x) {
      return "(NOT " + source(x.inner()) + ")";
    }
    if (s instanceof Ast.Folder f) {
      String key = folderKey(f.path());
      return key.isEmpty()
          ? "1"
          : "(n.folder_key = "
              + lit(key)
              + " OR substr(n.folder_key, 1, "
              + (key.length() + 1)
              + ") = "
              + lit(key + "/")
              + ")";
    }
    if (s instanceof Ast.Tag t) {
      String key = NoteKeys.tagKey(t.tag());
      return "n.id IN (SELECT note_id FROM tag WHERE tag_key = "
          + lit(key)
          + " OR (tag_key >= "
          + lit(key + "/")
          + " AND tag_key < "
          + lit(key + "0")
          + "))";
    }
    if (s instanceof Ast.LinksTo l) {
      Long x = anchor(l.note());
      return x == null ? "0" : "n.id IN (" + linkersOf(String.valueOf(x)) + ")";
    }
    if (s instanceof Ast.LinkedFrom l) {
      Long x = anchor(l.note());
      return x == null
          ? "0"
          : "n.id IN (SELECT to_id FROM (SELECT "
              + resolve("l", "s")
              + " AS to_id FROM link l JOIN note s ON s.id = l.src WHERE l.src = "
              + x
              + ") WHERE to_id IS NOT NULL)"; // a NULL in IN () would make NOT (… IN …) unknown
    }
    if (s instanceof Ast.Within w) {
      Long x = anchor(w.note());
      return x == null
          ? "0"
          : "n.id IN ("
              + reach("r", x, w.distance(), w.direction())
              + " SELECT id FROM r WHERE id <> "
              + x
              + ")";
    }
    Ast.Path p = (Ast.Path) s;
    Long a = anchor(p.from());
    Long b = anchor(p.to());
    if (a == null || b == null) {
      return "0";
    }
    // Notes on a shortest undirected path from a to b: dist(a, x) + dist(x, b) = dist(a, b).
    return "n.id IN ("
        + reach("ra", a, p.maxLength(), Ast.Direction.BOTH)
        + ", "
        + reach("rb", b, p.maxLength(), Ast.Direction.BOTH).substring("WITH RECURSIVE ".length())
        + ", da(id, d) AS (SELECT id, min(d) FROM ra GROUP BY id), db(id, d) AS (SELECT id, min(d) FROM rb GROUP BY id)"
        + " SELECT da.id FROM da JOIN db ON db.id = da.id WHERE da.d + db.d = (SELECT d FROM da WHERE id = "
        + b
        + "))";
  }

  private static String folderKey(String path) {
    String p = path.strip();
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return NoteFolders.key(p);
  }

  private @Nullable Long anchor(String name) {
    Long id = anchors.get(name);
    if (id == null) {
      String w = "no note named '" + name + "'";
      if (!warnings.contains(w)) {
        warnings.add(w);
      }
    }
    return id;
  }

  /**
   * A recursive CTE {@code name(id, d)}: the notes within {@code max} links of note {@code from},
   * by direction.
   */
  static String reach(String name, long from, int max, Ast.Direction dir) {
    StringBuilder sb =
        new StringBuilder("WITH RECURSIVE " + name + "(id, d) AS (SELECT " + from + ", 0");
    if (dir != Ast.Direction.INCOMING) {
      sb.append(" UNION SELECT ")
          .append(resolve("l", "s"))
          .append(", r.d + 1 FROM ")
          .append(name)
          .append(" r JOIN link l ON l.src = r.id JOIN note s ON s.id = l.src WHERE r.d < ")
          .append(max)
          .append(" AND ")
          .append(resolve("l", "s"))
          .append(" IS NOT NULL");
    }
    if (dir != Ast.Direction.OUTGOING) {
      sb.append(" UNION SELECT l.src, r.d + 1 FROM ")
          .append(name)
          .append(" r JOIN note x ON x.id = r.id JOIN link l ON l.target_key = x.title_key")
          .append(" JOIN note s ON s.id = l.src AND s.deleted = 0 WHERE r.d < ")
          .append(max)
          .append(" AND ")
          .append(resolve("l", "s"))
          .append(" = r.id");
      sb.append(" UNION SELECT l.src, r.d + 1 FROM ")
          .append(name)
          .append(
              " r JOIN note_alias a ON a.note_id = r.id JOIN link l ON l.target_key = a.alias_key")
          .append(" JOIN note s ON s.id = l.src AND s.deleted = 0 WHERE r.d < ")
          .append(max)
          .append(" AND ")
          .append(resolve("l", "s"))
          .append(" = r.id");
    }
    return sb.append(")").toString();
  }

  /** The live notes with a link that reaches note {@code id} (an SQL expression). */
  static String linkersOf(String id) {
    return "SELECT l.src FROM link l JOIN note s ON s.id = l.src AND s.deleted = 0 WHERE l.target_key IN (SELECT title_key FROM note WHERE id = "
        + id
        + " UNION SELECT alias_key FROM note_alias WHERE note_id = "
        + id
        + ") AND "
        + resolve("l", "s")
        + " = "
        + id;
  }

  /**
   * The index id of the live note link {@code l} (in note {@code s}) reaches: a title match — in
   * the linking note's folder, else the shortest path; with a folder part, that path from the root,
   * else from the linking note's folder, else the shortest path ending in it — then an alias (bare
   * names only); ties to the earliest created, then the lowest soul.
   */
  static String resolve(String l, String s) {
    String tf = l + ".target_folder";
    String rel =
        "(CASE WHEN "
            + s
            + ".folder_key = '' THEN "
            + tf
            + " ELSE "
            + s
            + ".folder_key || '/' || "
            + tf
            + " END)";
    String title =
        "(SELECT rt.id FROM note rt WHERE rt.title_key = "
            + l
            + ".target_key AND rt.deleted = 0 AND ("
            + tf
            + " = ''"
            + " OR (substr("
            + tf
            + ", 1, 1) <> '.' AND (rt.folder_key = "
            + tf
            + " OR rt.folder_key = "
            + rel
            + " OR substr(rt.folder_key, -length("
            + tf
            + ") - 1) = '/' || "
            + tf
            + ")))"
            + " ORDER BY CASE WHEN "
            + tf
            + " = '' THEN rt.folder_key <> "
            + s
            + ".folder_key"
            + " WHEN rt.folder_key = "
            + tf
            + " THEN 0 WHEN rt.folder_key = "
            + rel
            + " THEN 1 ELSE 2 END,"
            + " CASE WHEN "
            + tf
            + " <> '' AND (rt.folder_key = "
            + tf
            + " OR rt.folder_key = "
            + rel
            + ") THEN 0 ELSE length(rt.folder_key) END,"
            + " CASE WHEN "
            + tf
            + " <> '' AND (rt.folder_key = "
            + tf
            + " OR rt.folder_key = "
            + rel
            + ") THEN '' ELSE rt.folder_key END,"
            + " rt.created, rt.soul LIMIT 1)";
    String alias =
        "(SELECT ra.id FROM note_alias aa JOIN note ra ON ra.id = aa.note_id WHERE aa.alias_key = "
            + l
            + ".target_key"
            + " AND ra.deleted = 0 AND "
            + tf
            + " = '' ORDER BY ra.folder_key <> "
            + s
            + ".folder_key, length(ra.folder_key), ra.folder_key,"
            + " ra.created, ra.soul LIMIT 1)";
    return "COALESCE(" + title + ", " + alias + ")";
  }

  // ---- expressions

  static String lit(@Nullable Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof Boolean b) {
      return b ? "1" : "0";
    }
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        return "NULL";
      }
      String s = new BigDecimal(d).toPlainString();
      return s.contains(".") ? s : s + ".0"; // real, so that 7 / 2 is 3.5
    }
    if (v instanceof Long l) {
      return l.toString();
    }
    return "'" + v.toString().replace("'", "''") + "'";
  }

  /**
   * SQL that is 1 when the value is true, a non-zero number, non-empty text or a non-empty list;
   * else 0.
   */
  static String truthy(C c) {
    return switch (c.type()) {
      case BOOL -> c.sql();
      case LIST -> "EXISTS (" + c.rows() + ")";
      default -> "(COALESCE(" + c.sql() + ", 0) NOT IN (0, ''))";
    };
  }

  private QueryException error(Expr e, String message) {
    return new QueryException(source, e.pos(), message);
  }

  C expr(Expr e) throws QueryException {
    if (e instanceof Ast.Literal l) {
      return C.of(
          lit(l.value()),
          l.value() == null
              ? Type.ANY
              : l.value() instanceof String
                  ? Type.TEXT
                  : l.value() instanceof Boolean ? Type.BOOL : Type.NUMBER);
    }
    if (e instanceof Ast.Field f) {
      return field(f);
    }
    if (e instanceof Ast.ListOf l) {
      StringBuilder rows = new StringBuilder();
      StringBuilder json = new StringBuilder("json_array(");
      for (int i = 0; i < l.items().size(); i++) {
        C item = expr(l.items().get(i));
        if (item.type() == Type.LIST) {
          throw error(l.items().get(i), "a list cannot hold a list");
        }
        rows.append(i == 0 ? "SELECT " : " UNION ALL SELECT ").append(item.sql()).append(" AS v");
        json.append(i == 0 ? "" : ", ").append(item.sql());
      }
      String r = l.items().isEmpty() ? "SELECT NULL AS v WHERE 0" : rows.toString();
      return new C(json + ")", Type.LIST, r, ListKind.VALUES, null);
    }
    if (e instanceof Ast.Unary u) {
      C a = expr(u.operand());
      return u.op() == Op.NOT
          ? C.of("(NOT " + truthy(a) + ")", Type.BOOL)
          : C.of("(-" + scalar(a, u.operand()) + ")", Type.NUMBER);
    }
    if (e instanceof Ast.Binary b) {
      return binary(b);
    }
    return call((Ast.Call) e);
  }

  private String scalar(C c, Expr e) throws QueryException {
    if (c.type() == Type.LIST) {
      throw error(e, "a list cannot be used here; use length(), first() or contains");
    }
    return c.sql();
  }

  private C binary(Ast.Binary b) throws QueryException {
    if (b.op() == Op.AND || b.op() == Op.OR) {
      return C.of(
          "("
              + truthy(expr(b.left()))
              + " "
              + b.op().symbol.toUpperCase(Locale.ROOT)
              + " "
              + truthy(expr(b.right()))
              + ")",
          Type.BOOL);
    }
    C l = expr(b.left());
    C r = expr(b.right());
    if (b.op() == Op.CONTAINS) {
      return contains(l, r, b);
    }
    String ls = scalar(l, b.left());
    String rs = scalar(r, b.right());
    switch (b.op()) {
      case EQ, NE, LT, LE, GT, GE -> {
        ls = dateLiteral(l, r, b.left(), ls);
        rs = dateLiteral(r, l, b.right(), rs);
        if (b.op() == Op.EQ) {
          return C.of("(" + ls + " IS " + rs + ")", Type.BOOL);
        }
        if (b.op() == Op.NE) {
          return C.of("(" + ls + " IS NOT " + rs + ")", Type.BOOL);
        }
        return C.of("COALESCE(" + ls + " " + b.op().symbol + " " + rs + ", 0)", Type.BOOL);
      }
      case ADD -> {
        if (l.type() == Type.TEXT || r.type() == Type.TEXT) {
          return C.of("(" + ls + " || " + rs + ")", Type.TEXT);
        }
        return C.of(
            "(" + ls + " + " + rs + ")",
            l.type() == Type.DATE || r.type() == Type.DATE ? Type.DATE : Type.NUMBER);
      }
      case SUB -> {
        Type t =
            l.type() == Type.DATE && r.type() != Type.DATE && r.type() != Type.ANY
                ? Type.DATE
                : Type.NUMBER;
        return C.of("(" + ls + " - " + rs + ")", t);
      }
      case MUL -> {
        return C.of("(" + ls + " * " + rs + ")", Type.NUMBER);
      }
      case DIV -> {
        return C.of("(" + ls + " / " + rs + ")", Type.NUMBER);
      }
      case MOD -> {
        return C.of("(" + ls + " % " + rs + ")", Type.NUMBER);
      }
      default -> throw new IllegalStateException(b.op().toString());
    }
  }

  /** A text literal beside a date (or a property) that reads as a date is compared as that date. */
  private static String dateLiteral(C self, C other, Expr e, String sql) {
    if (e instanceof Ast.Literal lit
        && lit.value() instanceof String s
        && (other.type() == Type.DATE)) {
      Long d = Dates.parse(s);
      if (d != null) {
        return d.toString();
      }
    }
    return sql;
  }

  /** 1 if list value {@code v} equals {@code x} (text ignoring ASCII case). */
  private static String elementEquals(String v, String x) {
    return "("
        + v
        + " IS "
        + x
        + " OR (typeof("
        + v
        + ") = 'text' AND typeof("
        + x
        + ") = 'text' AND lower("
        + v
        + ") = lower("
        + x
        + ")))";
  }

  private C contains(C l, C r, Ast.Binary b) throws QueryException {
    String x = scalar(r, b.right());
    if (l.type() != Type.LIST) {
      if (l.propertyKey() != null) {
        return C.of(
            "EXISTS (SELECT 1 FROM ("
                + l.rows()
                + ") WHERE "
                + elementEquals("v", x)
                + " OR (typeof(v) = 'text' AND typeof("
                + x
                + ") = 'text' AND instr(lower(v), lower("
                + x
                + ")) > 0))",
            Type.BOOL);
      }
      return C.of("COALESCE(instr(lower(" + l.sql() + "), lower(" + x + ")) > 0, 0)", Type.BOOL);
    }
    String key =
        b.right() instanceof Ast.Literal lit && lit.value() instanceof String s
            ? lit(NoteKeys.tagKey(s))
            : "lower(" + x + ")";
    return switch (l.kind()) {
      case NOTE_TAGS ->
          C.of(
              "EXISTS (SELECT 1 FROM tag tc WHERE tc.note_id = n.id AND (tc.tag_key = "
                  + key
                  + " OR substr(tc.tag_key, 1, length("
                  + key
                  + ") + 1) = "
                  + key
                  + " || '/'))",
              Type.BOOL);
      case TASK_TAGS ->
          C.of(
              "(instr(t.tag_keys, "
                  + SEP
                  + " || "
                  + key
                  + " || "
                  + SEP
                  + ") > 0 OR instr(t.tag_keys, "
                  + SEP
                  + " || "
                  + key
                  + " || '/') > 0)",
              Type.BOOL);
      default ->
          C.of(
              "EXISTS (SELECT 1 FROM (" + l.rows() + ") WHERE " + elementEquals("v", x) + ")",
              Type.BOOL);
    };
  }

  private C field(Ast.Field f) throws QueryException {
    String name = f.name().toLowerCase(Locale.ROOT);
    boolean noteOnly = name.startsWith("note.");
    if (noteOnly) {
      name = name.substring(5);
    }
    if (taskScope && !noteOnly) {
      C t = taskField(name);
      if (t != null) {
        return t;
      }
    }
    C n = noteField(name);
    return n != null ? n : property(f.name().substring(noteOnly ? 5 : 0));
  }

  private static C list(String rows, ListKind kind) {
    return new C("(SELECT json_group_array(v) FROM (" + rows + "))", Type.LIST, rows, kind, null);
  }

  private @Nullable C noteField(String name) {
    return switch (name) {
      case "title", "name" -> C.of("n.title", Type.TEXT);
      case "folder" -> C.of("n.folder", Type.TEXT);
      case "path" ->
          C.of(
              "(CASE WHEN n.folder = '' THEN n.title ELSE n.folder || '/' || n.title END)",
              Type.TEXT);
      case "created", "ctime" -> C.of("n.created", Type.DATE);
      case "modified", "mtime" -> C.of("n.modified", Type.DATE);
      case "soul", "id" -> C.of("n.soul", Type.TEXT);
      case "author" ->
          C.of(
              "(SELECT lower(hex(a.key)) FROM field f JOIN actor a ON a.id = f.actor WHERE f.soul = n.soul AND f.name = 'created')",
              Type.TEXT);
      case "editor" ->
          C.of(
              "(SELECT lower(hex(a.key)) FROM field f JOIN actor a ON a.id = f.actor WHERE f.soul = n.soul ORDER BY f.hlc DESC LIMIT 1)",
              Type.TEXT);
      case "tags" ->
          list(
              "SELECT tg.tag AS v FROM tag tg WHERE tg.note_id = n.id ORDER BY tg.tag_key",
              ListKind.NOTE_TAGS);
      case "aliases" ->
          list(
              "SELECT al.alias AS v FROM note_alias al WHERE al.note_id = n.id ORDER BY al.alias_key",
              ListKind.VALUES);
      case "links", "outlinks" ->
          list(
              "SELECT DISTINCT ln.title AS v FROM link l JOIN note ln ON ln.id = "
                  + resolve("l", "n")
                  + " WHERE l.src = n.id ORDER BY ln.title_key",
              ListKind.VALUES);
      case "backlinks", "inlinks" ->
          list(
              "SELECT bs.title AS v FROM note bs WHERE bs.id IN ("
                  + linkersOf("n.id")
                  + ") ORDER BY bs.title_key",
              ListKind.VALUES);
      case "tasks" -> C.of("(SELECT count(*) FROM task tk WHERE tk.note_id = n.id)", Type.NUMBER);
      case "open_tasks" ->
          C.of(
              "(SELECT count(*) FROM task tk WHERE tk.note_id = n.id AND tk.open = 1)",
              Type.NUMBER);
      default -> null;
    };
  }

  private @Nullable C taskField(String name) {
    return switch (name) {
      case "text", "description" -> C.of("t.text", Type.TEXT);
      case "status" -> C.of("t.mark", Type.TEXT);
      case "completed" -> C.of("(t.mark IN ('x', 'X'))", Type.BOOL);
      case "cancelled" -> C.of("(t.mark = '-')", Type.BOOL);
      case "open" -> C.of("(t.open = 1)", Type.BOOL);
      case "line" -> C.of("t.line", Type.NUMBER);
      case "due", "scheduled", "start", "done", "created" -> C.of("t." + name, Type.DATE);
      case "priority" -> C.of("t.priority", Type.NUMBER);
      case "tags" -> list("SELECT value AS v FROM json_each(t.tags)", ListKind.TASK_TAGS);
      case "links" -> list("SELECT value AS v FROM json_each(t.links)", ListKind.VALUES);
      default -> null;
    };
  }

  private static C property(String name) {
    String key = PropertyRows.key(name);
    String scalar =
        "(SELECT COALESCE(p.num, p.text) FROM note_prop p WHERE p.note_id = n.id AND p.key = "
            + lit(key)
            + " AND p.ord = 0)";
    String rows =
        "SELECT COALESCE(p.num, p.text) AS v FROM note_prop p WHERE p.note_id = n.id AND p.key = "
            + lit(key)
            + " ORDER BY p.ord";
    return new C(scalar, Type.ANY, rows, ListKind.PROPERTY, key);
  }

  private C call(Ast.Call c) throws QueryException {
    List<Expr> args = c.args();
    switch (c.function()) {
      case "now":
        return C.of(Long.toString(now), Type.DATE);
      case "today":
        return C.of(Long.toString(today), Type.DATE);
      case "prop":
        return property((String) ((Ast.Literal) args.get(0)).value());
      case "search":
        {
          if (!(args.get(0) instanceof Ast.Literal l && l.value() instanceof String s)) {
            throw error(args.get(0), "search() takes words in quotes");
          }
          if (taskScope) {
            throw error(
                c, "search() is for note queries; in a tasks query use text contains \"…\"");
          }
          String fts = SearchQuery.parse(s).toFtsExpression();
          return C.of(
              fts.isEmpty()
                  ? "0"
                  : "(n.id IN (SELECT rowid FROM note_fts WHERE note_fts MATCH " + lit(fts) + "))",
              Type.BOOL);
        }
      case "any_task":
        {
          if (taskScope) {
            throw error(
                c, "any_task() is for note queries; a tasks query filters tasks with where");
          }
          taskScope = true;
          try {
            C cond = expr(args.get(0));
            return C.of(
                "EXISTS (SELECT 1 FROM task t WHERE t.note_id = n.id AND " + truthy(cond) + ")",
                Type.BOOL);
          } finally {
            taskScope = false;
          }
        }
      case "date":
        {
          if (args.get(0) instanceof Ast.Literal l && l.value() instanceof String s) {
            Long d = Dates.parse(s);
            if (d == null) {
              throw error(
                  args.get(0),
                  "date() needs a date such as \"2026-12-24\" or \"2026-12-24T09:30\", not \""
                      + s
                      + "\"");
            }
            return C.of(d.toString(), Type.DATE);
          }
          String a = arg(c, 0);
          return C.of(
              "(CASE WHEN typeof("
                  + a
                  + ") IN ('integer', 'real') THEN "
                  + a
                  + " ELSE CAST(round((julianday("
                  + a
                  + ") - 2440587.5) * 86400000) AS INTEGER) END)",
              Type.DATE);
        }
      case "days":
        return C.of("(" + arg(c, 0) + " * " + DAY + ")", Type.NUMBER);
      case "hours":
        return C.of("(" + arg(c, 0) + " * 3600000)", Type.NUMBER);
      case "year":
        return C.of(
            "CAST(strftime('%Y', " + arg(c, 0) + " / 1000.0, 'unixepoch') AS INTEGER)",
            Type.NUMBER);
      case "month":
        return C.of(
            "CAST(strftime('%m', " + arg(c, 0) + " / 1000.0, 'unixepoch') AS INTEGER)",
            Type.NUMBER);
      case "day":
        return C.of(
            "CAST(strftime('%d', " + arg(c, 0) + " / 1000.0, 'unixepoch') AS INTEGER)",
            Type.NUMBER);
      case "days_between":
        return C.of("((" + arg(c, 1) + " - " + arg(c, 0) + ") / " + DAY + ".0)", Type.NUMBER);
      case "lower", "upper", "trim":
        return C.of(c.function() + "(" + arg(c, 0) + ")", Type.TEXT);
      case "string":
        return C.of("CAST(" + arg(c, 0) + " AS TEXT)", Type.TEXT);
      case "number":
        return C.of("CAST(" + arg(c, 0) + " AS REAL)", Type.NUMBER);
      case "round", "abs":
        return C.of(c.function() + "(" + arg(c, 0) + ")", Type.NUMBER);
      case "min", "max":
        return C.of(c.function() + "(" + arg(c, 0) + ", " + arg(c, 1) + ")", Type.NUMBER);
      case "contains":
        return contains(
            expr(args.get(0)),
            expr(args.get(1)),
            new Ast.Binary(Op.CONTAINS, args.get(0), args.get(1), c.pos()));
      case "startswith":
        return C.of(
            "COALESCE(substr(lower("
                + arg(c, 0)
                + "), 1, length("
                + arg(c, 1)
                + ")) = lower("
                + arg(c, 1)
                + "), 0)",
            Type.BOOL);
      case "endswith":
        return C.of(
            "COALESCE(substr(lower("
                + arg(c, 0)
                + "), -length("
                + arg(c, 1)
                + ")) = lower("
                + arg(c, 1)
                + "), 0)",
            Type.BOOL);
      case "replace":
        return C.of("replace(" + arg(c, 0) + ", " + arg(c, 1) + ", " + arg(c, 2) + ")", Type.TEXT);
      case "substr":
        return C.of(
            "substr("
                + arg(c, 0)
                + ", "
                + arg(c, 1)
                + (args.size() > 2 ? ", " + arg(c, 2) : "")
                + ")",
            Type.TEXT);
      case "concat":
        {
          StringBuilder sb = new StringBuilder("(''");
          for (int i = 0; i < args.size(); i++) {
            sb.append(" || COALESCE(").append(arg(c, i)).append(", '')");
          }
          return C.of(sb.append(")").toString(), Type.TEXT);
        }
      case "if":
        {
          C a = expr(args.get(1));
          C b = expr(args.get(2));
          Type t = a.type() == b.type() ? a.type() : Type.ANY;
          if (t == Type.LIST) {
            throw error(c, "if() cannot choose between lists");
          }
          return C.of(
              "(CASE WHEN "
                  + truthy(expr(args.get(0)))
                  + " THEN "
                  + scalar(a, args.get(1))
                  + " ELSE "
                  + scalar(b, args.get(2))
                  + " END)",
              t);
        }
      case "length":
        {
          C a = expr(args.get(0));
          return a.type() == Type.LIST
              ? C.of("(SELECT count(*) FROM (" + a.rows() + "))", Type.NUMBER)
              : C.of("length(" + a.sql() + ")", Type.NUMBER);
        }
      case "empty":
        {
          C a = expr(args.get(0));
          return a.rows() != null
              ? C.of("(NOT EXISTS (" + a.rows() + "))", Type.BOOL)
              : C.of("(" + a.sql() + " IS NULL OR " + a.sql() + " = '')", Type.BOOL);
        }
      case "first", "last":
        {
          C a = expr(args.get(0));
          if (a.rows() == null) {
            throw error(args.get(0), c.function() + "() takes a list");
          }
          String off =
              c.function().equals("first") ? "0" : "(SELECT count(*) - 1 FROM (" + a.rows() + "))";
          return C.of("(SELECT v FROM (" + a.rows() + ") LIMIT 1 OFFSET " + off + ")", Type.ANY);
        }
      case "join":
        {
          C a = expr(args.get(0));
          if (a.rows() == null) {
            throw error(args.get(0), "join() takes a list");
          }
          return C.of(
              "COALESCE((SELECT group_concat(v, " + arg(c, 1) + ") FROM (" + a.rows() + ")), '')",
              Type.TEXT);
        }
      default:
        throw error(c, "unknown function '" + c.function() + "'");
    }
  }

  private String arg(Ast.Call c, int i) throws QueryException {
    return scalar(expr(c.args().get(i)), c.args().get(i));
  }
}
