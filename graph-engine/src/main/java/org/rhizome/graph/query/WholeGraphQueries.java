package org.rhizome.graph.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole workspace as a graph, for the global graph view: every live note and every resolved
 * link between two different notes, read in three sequential scans (notes, aliases, links) and
 * resolved in memory by the same rule as {@link NoteQueries#resolve} (a title beats an alias, then
 * the earliest created, then the lowest soul). Costs one pass over the link table: about 100 ms
 * for 10,000 notes, instead of a resolving query per link.
 */
public final class WholeGraphQueries {
  private WholeGraphQueries() {}

  /**
   * Every live note and the links between them, each edge once per (source, target). When there
   * are more than {@code maxNodes} notes, the best connected {@code maxNodes} are kept (ties by
   * soul) with the edges among them, and the view is marked truncated.
   *
   * @throws IllegalArgumentException if {@code maxNodes} is negative
   */
  public static GraphView wholeGraph(Connection c, int maxNodes) throws SQLException {
    if (maxNodes < 0) {
      throw new IllegalArgumentException("maxNodes must not be negative: " + maxNodes);
    }
    Map<Long, NoteRef> notes = new HashMap<>();
    Map<String, Candidate> byKey = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + NoteQueries.NOTE_COLUMNS + ", n.title_key FROM note n"
        + " WHERE n.deleted = 0")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          NoteRef ref = NoteQueries.ref(rs, 2);
          notes.put(id, ref);
          byKey.merge(rs.getString(6), new Candidate(id, ref, true), Candidate::better);
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT a.alias_key, a.note_id FROM note_alias a")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(2);
          NoteRef ref = notes.get(id);
          if (ref != null) {
            byKey.merge(rs.getString(1), new Candidate(id, ref, false), Candidate::better);
          }
        }
      }
    }
    Set<Long> pairs = new HashSet<>();
    List<long[]> edges = new ArrayList<>();
    Map<Long, Integer> degree = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT src, target_key FROM link")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long from = rs.getLong(1);
          Candidate target = byKey.get(rs.getString(2));
          if (target == null || from == target.id() || !notes.containsKey(from)) {
            continue;
          }
          // Note ids are rowids far below 2^32, so a pair packs into one long.
          if (pairs.add(from << 32 | target.id())) {
            edges.add(new long[] {from, target.id()});
            degree.merge(from, 1, Integer::sum);
            degree.merge(target.id(), 1, Integer::sum);
          }
        }
      }
    }
    return keepBestConnected(notes, edges, degree, maxNodes);
  }

  private static GraphView keepBestConnected(Map<Long, NoteRef> notes, List<long[]> edges, Map<Long, Integer> degree,
      int maxNodes) {
    Long[] ids = notes.keySet().toArray(Long[]::new);
    boolean truncated = ids.length > maxNodes;
    if (truncated) {
      Arrays.sort(ids, Comparator.<Long>comparingInt(id -> -degree.getOrDefault(id, 0)).thenComparing(id -> notes.get(id).soul()));
      ids = Arrays.copyOf(ids, maxNodes);
    }
    Arrays.sort(ids, Comparator.comparing(id -> notes.get(id).soul()));
    Set<Long> kept = new HashSet<>(Arrays.asList(ids));
    List<NoteRef> nodeList = new ArrayList<>(ids.length);
    for (long id : ids) {
      nodeList.add(notes.get(id));
    }
    List<GraphView.Edge> edgeList = new ArrayList<>(edges.size());
    for (long[] e : edges) {
      if (kept.contains(e[0]) && kept.contains(e[1])) {
        edgeList.add(new GraphView.Edge(notes.get(e[0]).soul(), notes.get(e[1]).soul()));
      }
    }
    return new GraphView(List.copyOf(nodeList), List.copyOf(edgeList), truncated);
  }

  /** A note a link key may resolve to. */
  private record Candidate(long id, NoteRef ref, boolean byTitle) {
    static Candidate better(Candidate a, Candidate b) {
      if (a.byTitle != b.byTitle) {
        return a.byTitle ? a : b;
      }
      int byCreated = Long.compare(a.ref.created(), b.ref.created());
      if (byCreated != 0) {
        return byCreated < 0 ? a : b;
      }
      return a.ref.soul().compareTo(b.ref.soul()) <= 0 ? a : b;
    }
  }
}
