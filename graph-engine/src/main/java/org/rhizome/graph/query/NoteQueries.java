package org.rhizome.graph.query;

// Longer than 500 lines on purpose: the SQL reads of notes (find, resolve by Obsidian's rules,
// backlinks, mentions, outline) share their statement fragments and row mappers.

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rhizome.graph.api.CorruptDatabaseException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.encoding.DecodeException;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.note.Attachment;
import org.rhizome.graph.note.NoteFields;
import org.rhizome.graph.note.NoteFolders;
import org.rhizome.graph.note.NoteKeys;
import org.rhizome.graph.text.MalformedTextException;
import org.rhizome.graph.text.TextSnapshotCodec;

/**
 * Read-side queries over the derived index: lookup, lists, links, backlinks, tags and the graph
 * neighbourhood. A link names a note by title or alias (see {@link NoteKeys}); when several live
 * notes share a key, the title match wins over an alias, then the earliest created, then the lowest
 * soul, so every replica resolves links the same way. Stateless; each call uses the connection it
 * is given, on the caller's thread.
 */
public final class NoteQueries {
  static final String NOTE_COLUMNS = "n.id, n.soul, n.title, n.created, n.modified, n.folder";

  private NoteQueries() {}

  static NoteRef ref(ResultSet rs, int from) throws SQLException {
    return new NoteRef(
        new Soul(rs.getString(from)),
        rs.getString(from + 1),
        rs.getLong(from + 2),
        rs.getLong(from + 3),
        rs.getString(from + 4));
  }

  /** A live note's index id and ref. */
  record Row(long id, NoteRef ref) {}

  static Optional<Row> row(Connection c, Soul soul) throws SQLException {
    PreparedStatement ps =
        CachedStatements.prepare(
            c, "SELECT " + NOTE_COLUMNS + " FROM note n WHERE n.soul = ? AND n.deleted = 0");
    ps.setString(1, soul.value());
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(new Row(rs.getLong(1), ref(rs, 2))) : Optional.empty();
    }
  }

  /** A live note by its soul. */
  public static Optional<NoteRef> find(Connection c, Soul soul) throws SQLException {
    return row(c, soul).map(Row::ref);
  }

  /**
   * The live note that a link target, title or alias names, resolved as a link in a note of the
   * root folder would be ({@code "Projects/Note"} names the note at that path).
   */
  public static Optional<NoteRef> resolve(Connection c, String target) throws SQLException {
    return resolve(c, "", target);
  }

  /**
   * The live note that a link {@code [[target]]} written in a note of {@code sourceFolder} reaches
   * (see {@link LinkResolution}).
   */
  public static Optional<NoteRef> resolve(Connection c, String sourceFolder, String target)
      throws SQLException {
    Optional<Long> id =
        LinkTargets.resolve(
            c,
            NoteFolders.key(sourceFolder),
            NoteKeys.linkKey(target),
            NoteKeys.linkFolderKey(target));
    return id.isEmpty() ? Optional.empty() : refById(c, id.get());
  }

  /**
   * The soul that {@code [[target]]}, written in a note of {@code sourceFolder}, would reach if
   * note {@code moved} had folder {@code movedFolder} and title {@code movedTitle} (the rest as it
   * is): how a rename or move decides which links to rewrite.
   */
  public static Optional<Soul> resolveAfterMove(
      Connection c,
      String sourceFolder,
      String target,
      Soul moved,
      String movedFolder,
      String movedTitle)
      throws SQLException {
    return LinkTargets.resolveAfterMove(
            c,
            NoteFolders.key(sourceFolder),
            NoteKeys.linkKey(target),
            NoteKeys.linkFolderKey(target),
            moved.value(),
            NoteFolders.key(movedFolder),
            NoteKeys.titleKey(movedTitle))
        .map(Soul::new);
  }

  /**
   * Live notes with a link whose name is one of the note's keys (title or alias), and the note
   * itself.
   */
  public static List<NoteRef> possibleLinkers(Connection c, Soul soul) throws SQLException {
    Optional<Row> note = row(c, soul);
    if (note.isEmpty()) {
      return List.of();
    }
    Map<Long, NoteRef> out = new LinkedHashMap<>();
    out.put(note.get().id(), note.get().ref());
    for (String key : keysOf(c, note.get())) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT DISTINCT n.id, n.soul, n.title, n.created, n.modified, n.folder"
                  + " FROM link l JOIN note n ON n.id = l.src WHERE l.target_key = ? AND n.deleted = 0")) {
        ps.setString(1, key);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.putIfAbsent(rs.getLong(1), ref(rs, 2));
          }
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  /** The keys (title and aliases) of a note: the names that links to it carry. */
  static List<String> keysOf(Connection c, Row note) throws SQLException {
    List<String> keys = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT title_key FROM note WHERE id = ?"
                + " UNION SELECT alias_key FROM note_alias WHERE note_id = ?")) {
      ps.setLong(1, note.id());
      ps.setLong(2, note.id());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.add(rs.getString(1));
        }
      }
    }
    return keys;
  }

  public static List<NoteRef> list(Connection c, int limit) throws SQLException {
    List<NoteRef> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + NOTE_COLUMNS
                + " FROM note n WHERE n.deleted = 0"
                + " ORDER BY n.title_key, n.soul LIMIT ?")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(ref(rs, 2));
        }
      }
    }
    return out;
  }

  public static long count(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM note WHERE deleted = 0");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /**
   * Linked mentions: links from other live notes to this one, each with its line and the text
   * around it; at most {@code limit}, grouped by linking note (in the order the notes were indexed
   * here, not by title: sort the page for display).
   */
  public static List<Backlink> backlinks(Connection c, Soul soul, int limit)
      throws SQLException, StoreException {
    Optional<Row> note = row(c, soul);
    if (note.isEmpty()) {
      return List.of();
    }
    List<Backlink> out = new ArrayList<>();
    LinkTargets targets = new LinkTargets(c);
    for (String key : keysOf(c, note.get())) {
      // In index order (by linking note, then link), so a page of a popular note's many backlinks
      // needs no sort; callers sort the page as they show it.
      PreparedStatement ps =
          CachedStatements.prepare(
              c,
              "SELECT n.soul, n.title, n.created, n.modified, n.folder, l.line, l.start, l.end, l.embed,"
                  + " n.folder_key, l.target_folder FROM link l JOIN note n ON n.id = l.src WHERE l.target_key = ? AND l.src <> ? AND n.deleted = 0"
                  + " ORDER BY l.src, l.ord");
      ps.setString(1, key);
      ps.setLong(2, note.get().id());
      NoteRef lastSource = null;
      String body = "";
      try (ResultSet rs = ps.executeQuery()) {
        while (out.size() < limit && rs.next()) {
          if (!targets.reaches(rs.getString(10), key, rs.getString(11), note.get().id())) {
            continue;
          }
          NoteRef source = ref(rs, 1);
          if (!source.equals(lastSource)) {
            body = body(c, source.soul()); // links of one source are adjacent: one read each
            lastSource = source;
          }
          out.add(
              new Backlink(
                  source,
                  rs.getInt(6),
                  LinkContext.around(body, rs.getInt(7), rs.getInt(8)),
                  rs.getInt(9) != 0));
        }
      }
      if (out.size() >= limit) {
        break;
      }
    }
    return out;
  }

  public static List<OutgoingLink> outgoing(Connection c, Soul soul) throws SQLException {
    Optional<Row> note = row(c, soul);
    if (note.isEmpty()) {
      return List.of();
    }
    List<OutgoingLink> out = new ArrayList<>();
    LinkTargets targets = new LinkTargets(c);
    String sourceFolder = NoteFolders.key(note.get().ref().folder());
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT target, target_key, heading, alias, embed, line, target_folder FROM link WHERE src = ? ORDER BY ord")) {
      ps.setLong(1, note.get().id());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Optional<Attachment> file =
              targets.attachment(sourceFolder, rs.getString(2), rs.getString(7));
          Optional<Long> to =
              file.isPresent()
                  ? Optional.empty()
                  : targets.resolve(sourceFolder, rs.getString(2), rs.getString(7));
          String target = rs.getString(1);
          out.add(
              new OutgoingLink(
                  target,
                  rs.getString(3),
                  rs.getString(4),
                  rs.getInt(5) != 0,
                  rs.getInt(6),
                  to.isEmpty() ? null : refById(c, to.get()).orElse(null),
                  file.orElse(null),
                  file.isPresent() || LinkFiles.looksLikeFile(target)));
        }
      }
    }
    return out;
  }

  /**
   * Link targets that name no live note and no attachment, most used first. Targets that name a
   * file ({@code photo.png} with no such attachment) are listed too, marked {@link
   * UnresolvedLink#file}. By name, as Obsidian lists them: a target some note or attachment has is
   * not listed.
   */
  public static List<UnresolvedLink> unresolved(Connection c, int limit) throws SQLException {
    List<UnresolvedLink> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT min(l.target), count(*), count(DISTINCT l.src)"
                + " FROM link l JOIN note s ON s.id = l.src AND s.deleted = 0"
                + " WHERE NOT EXISTS (SELECT 1 FROM note n WHERE n.title_key = l.target_key AND n.deleted = 0)"
                + " AND NOT EXISTS (SELECT 1 FROM note_alias a JOIN note n ON n.id = a.note_id WHERE a.alias_key = l.target_key AND n.deleted = 0)"
                + " AND NOT EXISTS (SELECT 1 FROM attachment f WHERE f.name_key = l.target_key AND f.deleted = 0)"
                + " GROUP BY l.target_key ORDER BY count(*) DESC, l.target_key LIMIT ?")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new UnresolvedLink(rs.getString(1), rs.getInt(2), rs.getInt(3)));
        }
      }
    }
    return out;
  }

  /** What {@code [[target]]}, written in a note of {@code sourceFolder}, reaches. */
  public static LinkDestination destination(Connection c, String sourceFolder, String target)
      throws SQLException {
    String folderKey = NoteFolders.key(sourceFolder);
    String nameKey = NoteKeys.linkKey(target);
    String targetFolderKey = NoteKeys.linkFolderKey(target);
    LinkTargets targets = new LinkTargets(c);
    Optional<Attachment> file = targets.attachment(folderKey, nameKey, targetFolderKey);
    if (file.isPresent()) {
      return new LinkDestination.ToAttachment(file.get());
    }
    Optional<Long> id = targets.resolve(folderKey, nameKey, targetFolderKey);
    Optional<NoteRef> note = id.isEmpty() ? Optional.empty() : refById(c, id.get());
    return note.isPresent()
        ? new LinkDestination.ToNote(note.get())
        : new LinkDestination.Missing(target.strip(), LinkFiles.looksLikeFile(target));
  }

  /**
   * Links from live notes that reach attachment {@code soul}, with their lines; at most {@code
   * limit}.
   */
  public static List<Backlink> attachmentBacklinks(Connection c, Soul soul, int limit)
      throws SQLException, StoreException {
    String nameKey;
    PreparedStatement find =
        CachedStatements.prepare(
            c, "SELECT name_key FROM attachment WHERE soul = ? AND deleted = 0");
    find.setString(1, soul.value());
    try (ResultSet rs = find.executeQuery()) {
      if (!rs.next()) {
        return List.of();
      }
      nameKey = rs.getString(1);
    }
    List<Backlink> out = new ArrayList<>();
    LinkTargets targets = new LinkTargets(c);
    PreparedStatement ps =
        CachedStatements.prepare(
            c,
            "SELECT n.soul, n.title, n.created, n.modified, n.folder, l.line, l.start, l.end, l.embed,"
                + " n.folder_key, l.target_folder FROM link l JOIN note n ON n.id = l.src WHERE l.target_key = ? AND n.deleted = 0"
                + " ORDER BY l.src, l.ord");
    ps.setString(1, nameKey);
    NoteRef lastSource = null;
    String body = "";
    try (ResultSet rs = ps.executeQuery()) {
      while (out.size() < limit && rs.next()) {
        Optional<Attachment> reached =
            targets.attachment(rs.getString(10), nameKey, rs.getString(11));
        if (reached.isEmpty() || !reached.get().soul().equals(soul)) {
          continue;
        }
        NoteRef source = ref(rs, 1);
        if (!source.equals(lastSource)) {
          body = body(c, source.soul());
          lastSource = source;
        }
        out.add(
            new Backlink(
                source,
                rs.getInt(6),
                LinkContext.around(body, rs.getInt(7), rs.getInt(8)),
                rs.getInt(9) != 0));
      }
    }
    return out;
  }

  /**
   * Tags with the number of live notes carrying each. Nested tags roll up, as in Obsidian: a note
   * tagged {@code #project/alpha} counts for {@code project/alpha} and for {@code project} (listed
   * even when no note carries it alone); a note is counted once per tag whatever its nesting.
   */
  public static List<TagCount> tags(Connection c) throws SQLException {
    Map<String, TagCount> byKey = new LinkedHashMap<>();
    Set<String> parents = new LinkedHashSet<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT tag_key, max(tag), count(*) FROM tag GROUP BY tag_key");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String key = rs.getString(1);
        byKey.put(key, new TagCount(rs.getString(2), rs.getInt(3)));
        for (int slash = key.indexOf('/'); slash > 0; slash = key.indexOf('/', slash + 1)) {
          parents.add(key.substring(0, slash));
        }
      }
    }
    for (String parent : parents) {
      // Keys under "p/" sort between "p/" and "p0" ('0' follows '/'): an index range, not a scan.
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT count(DISTINCT note_id) FROM tag WHERE tag_key = ?"
                  + " OR (tag_key >= ? AND tag_key < ?)")) {
        ps.setString(1, parent);
        ps.setString(2, parent + "/");
        ps.setString(3, parent + "0");
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          TagCount own = byKey.get(parent);
          byKey.put(
              parent,
              new TagCount(own != null ? own.tag() : spellingOf(byKey, parent), rs.getInt(1)));
        }
      }
    }
    List<Map.Entry<String, TagCount>> sorted = new ArrayList<>(byKey.entrySet());
    sorted.sort(
        (x, y) ->
            x.getValue().notes() != y.getValue().notes()
                ? Integer.compare(y.getValue().notes(), x.getValue().notes())
                : x.getKey().compareTo(y.getKey()));
    List<TagCount> out = new ArrayList<>(sorted.size());
    for (Map.Entry<String, TagCount> e : sorted) {
      out.add(e.getValue());
    }
    return out;
  }

  /** A parent tag's spelling, taken from the first nested tag under it. */
  private static String spellingOf(Map<String, TagCount> byKey, String parentKey) {
    for (Map.Entry<String, TagCount> e : byKey.entrySet()) {
      if (e.getKey().startsWith(parentKey + "/")) {
        return e.getValue().tag().substring(0, parentKey.length());
      }
    }
    return parentKey;
  }

  public static List<String> tagsOf(Connection c, Soul soul) throws SQLException {
    return stringsOf(
        c,
        soul,
        "SELECT t.tag FROM tag t JOIN note n ON n.id = t.note_id WHERE n.soul = ? ORDER BY t.tag_key");
  }

  public static List<String> aliasesOf(Connection c, Soul soul) throws SQLException {
    return stringsOf(
        c,
        soul,
        "SELECT a.alias FROM note_alias a JOIN note n ON n.id = a.note_id WHERE n.soul = ? ORDER BY a.alias_key");
  }

  /** The first column of a query that takes one soul. */
  private static List<String> stringsOf(Connection c, Soul soul, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, soul.value());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /**
   * A note's current body, or empty when the node has no string body. The stored text is checked
   * against its snapshot's seal first, so bytes changed at rest are a {@link
   * CorruptDatabaseException} (which marks the file damaged), never wrong text.
   */
  public static String body(Connection c, Soul soul) throws SQLException, StoreException {
    PreparedStatement ps =
        CachedStatements.prepare(
            c,
            "SELECT f.value, t.snapshot FROM field f"
                + " LEFT JOIN text_state t ON t.soul = f.soul AND t.name = f.name"
                + " WHERE f.soul = ? AND f.name = ?");
    ps.setString(1, soul.value());
    ps.setString(2, NoteFields.BODY);
    byte[] value;
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return "";
      }
      value = rs.getBytes(1);
      byte[] snapshot = rs.getBytes(2);
      if (snapshot != null) {
        TextSnapshotCodec.checkSeal(snapshot, value);
      }
      return ValueCodec.decode(value) instanceof Value.Str s ? s.value() : "";
    } catch (DecodeException | MalformedTextException e) {
      throw new CorruptDatabaseException(
          "the body of " + noteName(c, soul) + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** {@code "Title" (soul)}, or the soul alone when the title cannot be read either. */
  private static String noteName(Connection c, Soul soul) {
    try (PreparedStatement ps = c.prepareStatement("SELECT title FROM note WHERE soul = ?")) {
      ps.setString(1, soul.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return "\"" + rs.getString(1) + "\" (" + soul.value() + ")";
        }
      }
    } catch (SQLException e) {
      // the soul alone still names it
    }
    return soul.value();
  }

  /**
   * The notes within {@code depth} links of {@code soul}, following links both ways, and the links
   * among them; at most {@code maxNodes} notes.
   */
  public static GraphView neighbourhood(Connection c, Soul soul, int depth, int maxNodes)
      throws SQLException {
    Optional<Row> start = row(c, soul);
    if (start.isEmpty()) {
      return new GraphView(List.of(), List.of(), false);
    }
    Map<Long, NoteRef> nodes = new LinkedHashMap<>();
    nodes.put(start.get().id(), start.get().ref());
    Set<Long> frontier = new LinkedHashSet<>(List.of(start.get().id()));
    Set<List<Long>> edges = new LinkedHashSet<>();
    boolean truncated = false;
    for (int d = 0; d < depth && !frontier.isEmpty() && !truncated; d++) {
      Set<Long> next = new LinkedHashSet<>();
      for (long id : frontier) {
        for (long to : linkedFrom(c, id)) {
          edges.add(List.of(id, to));
          next.add(to);
        }
        for (long from : linkingTo(c, id)) {
          edges.add(List.of(from, id));
          next.add(from);
        }
      }
      next.removeAll(nodes.keySet());
      for (long id : next) {
        if (nodes.size() >= maxNodes) {
          truncated = true;
          break;
        }
        refById(c, id).ifPresent(r -> nodes.put(id, r));
      }
      next.retainAll(nodes.keySet());
      frontier = next;
    }
    List<GraphView.Edge> edgeList = new ArrayList<>();
    for (List<Long> e : edges) {
      NoteRef from = nodes.get(e.get(0));
      NoteRef to = nodes.get(e.get(1));
      if (from != null && to != null && !from.equals(to)) {
        edgeList.add(new GraphView.Edge(from.soul(), to.soul()));
      }
    }
    return new GraphView(List.copyOf(nodes.values()), edgeList, truncated);
  }

  private static List<Long> linkedFrom(Connection c, long id) throws SQLException {
    List<Long> out = new ArrayList<>();
    LinkTargets targets = new LinkTargets(c);
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT DISTINCT l.target_key, l.target_folder, n.folder_key FROM link l"
                + " JOIN note n ON n.id = l.src WHERE l.src = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          targets.resolve(rs.getString(3), rs.getString(1), rs.getString(2)).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  private static List<Long> linkingTo(Connection c, long id) throws SQLException {
    List<Long> out = new ArrayList<>();
    Optional<Row> note = refById(c, id).map(r -> new Row(id, r));
    if (note.isEmpty()) {
      return out;
    }
    LinkTargets targets = new LinkTargets(c);
    for (String key : keysOf(c, note.get())) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT DISTINCT l.src, n.folder_key, l.target_folder FROM link l JOIN note n ON n.id = l.src"
                  + " WHERE l.target_key = ? AND n.deleted = 0")) {
        ps.setString(1, key);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (targets.reaches(rs.getString(2), key, rs.getString(3), id)
                && !out.contains(rs.getLong(1))) {
              out.add(rs.getLong(1));
            }
          }
        }
      }
    }
    return out;
  }

  static Optional<NoteRef> refById(Connection c, long id) throws SQLException {
    PreparedStatement ps =
        CachedStatements.prepare(
            c, "SELECT " + NOTE_COLUMNS + " FROM note n WHERE n.id = ? AND n.deleted = 0");
    ps.setLong(1, id);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(ref(rs, 2)) : Optional.empty();
    }
  }
}
