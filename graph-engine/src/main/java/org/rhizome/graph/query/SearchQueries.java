package org.rhizome.graph.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.markdown.LinkRewriter;
import org.rhizome.graph.markdown.Mention;
import org.rhizome.graph.model.Soul;

/**
 * Full-text search (SQLite FTS5, bm25-ranked with titles weighted above bodies) and unlinked
 * mentions. Stateless; each call uses the connection it is given, on the caller's thread.
 */
public final class SearchQueries {
  /** bm25 column weights: a match in the title counts this many times a match in the body. */
  static final double TITLE_WEIGHT = 10.0;

  /** The most matches the body pass scores (see {@link #search}). */
  static final int MAX_SCORED = 2000;

  private SearchQueries() {}

  /**
   * Ranks the matches of {@code input}: notes whose title matches come first, then the rest, each
   * group by bm25 (titles weighted {@value #TITLE_WEIGHT}×). Scoring costs about a microsecond per
   * matching note, so a word found in most of a large workspace would take far too long to rank;
   * the body pass therefore scores at most {@value #MAX_SCORED} matches, the most recently created
   * ones (title matches are always scored). Below that many matches the ranking is exact bm25.
   */
  public static List<SearchHit> search(Connection c, String input, int limit)
      throws SQLException, StoreException {
    SearchQuery q = SearchQuery.parse(input);
    String fts = q.toFtsExpression();
    if (fts.isEmpty() && q.tagKeys().isEmpty()) {
      return List.of();
    }
    List<SearchHit> hits = new ArrayList<>();
    List<SearchQuery.Term> highlight = q.highlightTerms();
    Set<Soul> seen = new HashSet<>();
    if (fts.isEmpty()) {
      collect(
          c,
          q,
          "SELECT n.id, 0.0 FROM note n WHERE n.deleted = 0"
              + tagFilter(q, "n.id")
              + " ORDER BY n.modified DESC LIMIT ?",
          null,
          limit,
          highlight,
          seen,
          hits);
      return hits;
    }
    boolean titleFiltered = q.terms().stream().anyMatch(SearchQuery.Term::titleOnly);
    if (!titleFiltered) {
      collect(c, q, candidates(q), "title : (" + fts + ")", limit, highlight, seen, hits);
    }
    if (hits.size() < limit) {
      collect(c, q, candidates(q), fts, limit, highlight, seen, hits);
    }
    return hits;
  }

  /** At most {@value #MAX_SCORED} matching notes, newest first, with their scores, best first. */
  private static String candidates(SearchQuery q) {
    return "SELECT id, score FROM (SELECT rowid AS id, bm25(note_fts, "
        + TITLE_WEIGHT
        + ", 1.0) AS score"
        + " FROM note_fts WHERE note_fts MATCH ?"
        + tagFilter(q, "note_fts.rowid")
        + " ORDER BY rowid DESC LIMIT "
        + MAX_SCORED
        + ") ORDER BY score LIMIT ?";
  }

  private static String tagFilter(SearchQuery q, String noteId) {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < q.tagKeys().size(); i++) {
      sql.append(" AND EXISTS (SELECT 1 FROM tag t WHERE t.note_id = ")
          .append(noteId)
          .append(" AND (t.tag_key = ? OR (t.tag_key >= ? AND t.tag_key < ?)))");
    }
    return sql.toString();
  }

  private static void collect(
      Connection c,
      SearchQuery q,
      String sql,
      String match,
      int limit,
      List<SearchQuery.Term> highlight,
      Set<Soul> seen,
      List<SearchHit> hits)
      throws SQLException, StoreException {
    List<long[]> ids = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int p = 1;
      if (match != null) {
        ps.setString(p++, match);
      }
      for (String tag : q.tagKeys()) {
        ps.setString(p++, tag);
        ps.setString(p++, tag + "/");
        ps.setString(p++, tag + "0"); // '0' follows '/': the range holds exactly the nested tags
      }
      ps.setInt(p, limit + seen.size());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(new long[] {rs.getLong(1)});
          scores.add(rs.getDouble(2));
        }
      }
    }
    for (int i = 0; i < ids.size() && hits.size() < limit; i++) {
      Optional<NoteRef> ref = NoteQueries.refById(c, ids.get(i)[0]);
      if (ref.isPresent() && seen.add(ref.get().soul())) {
        Snippet snippet = Snippets.make(NoteQueries.body(c, ref.get().soul()), highlight);
        hits.add(new SearchHit(ref.get(), scores.get(i), snippet));
      }
    }
  }

  /**
   * Plain-text mentions of this note's title (or an alias) in other notes, outside links and code,
   * with each mention's line; at most {@code limit} mentions. As in Obsidian, a note that links the
   * title in one place and merely names it in another appears here for the latter.
   */
  public static List<UnlinkedMention> unlinkedMentions(Connection c, Soul soul, int limit)
      throws SQLException, StoreException {
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
      StringBuilder sql =
          new StringBuilder(
              "SELECT n.soul, n.title, n.created, n.modified, n.folder FROM note_fts JOIN note n ON n.id = note_fts.rowid"
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
