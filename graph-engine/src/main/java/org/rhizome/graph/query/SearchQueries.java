package org.rhizome.graph.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rhizome.graph.Soul;
import org.rhizome.graph.markdown.LinkRewriter;
import org.rhizome.graph.markdown.Mention;
import org.rhizome.graph.store.StoreException;

/**
 * Full-text search (SQLite FTS5, bm25-ranked with titles weighted above bodies) and unlinked
 * mentions. Stateless; each call uses the connection it is given, on the caller's thread.
 */
public final class SearchQueries {
  /** bm25 column weights: a match in the title counts this many times a match in the body. */
  static final double TITLE_WEIGHT = 10.0;

  private SearchQueries() {}

  public static List<SearchHit> search(Connection c, String input, int limit) throws SQLException, StoreException {
    SearchQuery q = SearchQuery.parse(input);
    String fts = q.toFtsExpression();
    if (fts.isEmpty() && q.tagKeys().isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder();
    if (!fts.isEmpty()) {
      sql.append("SELECT n.soul, n.title, n.created, n.modified, bm25(note_fts, ").append(TITLE_WEIGHT)
          .append(", 1.0) AS score FROM note_fts JOIN note n ON n.id = note_fts.rowid WHERE note_fts MATCH ?");
    } else {
      sql.append("SELECT n.soul, n.title, n.created, n.modified, 0.0 AS score FROM note n WHERE n.deleted = 0");
    }
    for (int i = 0; i < q.tagKeys().size(); i++) {
      sql.append(" AND EXISTS (SELECT 1 FROM tag t WHERE t.note_id = n.id AND (t.tag_key = ? OR (t.tag_key >= ? AND t.tag_key < ?)))");
    }
    sql.append(fts.isEmpty() ? " ORDER BY n.modified DESC LIMIT ?" : " ORDER BY score LIMIT ?");
    List<SearchHit> hits = new ArrayList<>();
    List<SearchQuery.Term> highlight = q.highlightTerms();
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int p = 1;
      if (!fts.isEmpty()) {
        ps.setString(p++, fts);
      }
      for (String tag : q.tagKeys()) {
        ps.setString(p++, tag);
        ps.setString(p++, tag + "/");
        ps.setString(p++, tag + "0"); // '0' follows '/': the range holds exactly the nested tags
      }
      ps.setInt(p, limit);
      List<NoteRef> refs = new ArrayList<>();
      List<Double> scores = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          refs.add(NoteQueries.ref(rs, 1));
          scores.add(rs.getDouble(5));
        }
      }
      for (int i = 0; i < refs.size(); i++) {
        NoteRef ref = refs.get(i);
        Snippet snippet = Snippets.make(NoteQueries.body(c, ref.soul()), highlight);
        hits.add(new SearchHit(ref, scores.get(i), snippet));
      }
    }
    return hits;
  }

  /**
   * Plain-text mentions of this note's title (or an alias) in other notes, outside links and code,
   * with each mention's line; at most {@code limit} mentions. As in Obsidian, a note that links the
   * title in one place and merely names it in another appears here for the latter.
   */
  public static List<UnlinkedMention> unlinkedMentions(Connection c, Soul soul, int limit) throws SQLException, StoreException {
    Optional<NoteQueries.Row> note = NoteQueries.row(c, soul);
    if (note.isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    names.add(note.get().ref().title());
    names.addAll(NoteQueries.aliasesOf(c, soul));
    List<UnlinkedMention> out = new ArrayList<>();
    for (String name : names) {
      String phrase = '"' + name.replace("\"", "\"\"") + '"';
      StringBuilder sql = new StringBuilder("SELECT n.soul, n.title, n.created, n.modified FROM note_fts JOIN note n ON n.id = note_fts.rowid"
          + " WHERE note_fts MATCH ? AND n.id <> ?");
      sql.append(" ORDER BY n.title_key LIMIT ?");
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        int p = 1;
        ps.setString(p++, "body : " + phrase);
        ps.setLong(p++, note.get().id());
        ps.setInt(p, limit);
        List<NoteRef> sources = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sources.add(NoteQueries.ref(rs, 1));
          }
        }
        for (NoteRef source : sources) {
          for (Mention m : LinkRewriter.findMentions(NoteQueries.body(c, source.soul()), name)) {
            if (out.size() >= limit) {
              return out;
            }
            out.add(new UnlinkedMention(source, m.line(), m.lineText()));
          }
        }
      }
    }
    return out;
  }
}
