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
import java.util.Optional;
import java.util.Set;

/**
 * The whole workspace as a graph, for the global graph view: every live note and every resolved
 * link between two different notes. Reads the notes, aliases and links in three sequential scans
 * and resolves each distinct (source folder, target, target folder) once, in memory, with {@link
 * LinkResolution}'s rules — the same answer as {@link NoteQueries#resolve} — instead of a resolving
 * query per link.
 */
public final class WholeGraphQueries {
  private WholeGraphQueries() {}

  /**
   * Every live note and the links between them, each edge once per (source, target). When there are
   * more than {@code maxNodes} notes, the best connected {@code maxNodes} are kept (ties by soul)
   * with the edges among them, and the view is marked truncated.
   *
   * @throws IllegalArgumentException if {@code maxNodes} is negative
   */
  public static GraphView wholeGraph(Connection c, int maxNodes) throws SQLException {
    if (maxNodes < 0) {
      throw new IllegalArgumentException("maxNodes must not be negative: " + maxNodes);
    }
    Map<Long, NoteRef> notes = new HashMap<>();
    Map<Long, String> folderOf = new HashMap<>();
    Map<String, List<LinkResolution.Candidate>> byTitle = new HashMap<>();
    Map<String, List<LinkResolution.Candidate>> byAlias = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + NoteQueries.NOTE_COLUMNS
                + ", n.title_key, n.folder_key"
                + " FROM note n WHERE n.deleted = 0")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          NoteRef ref = NoteQueries.ref(rs, 2);
          // Columns after the note's own (which NoteQueries may extend): its title key, then its
          // folder key.
          int extra = rs.getMetaData().getColumnCount() - 1;
          String titleKey = rs.getString(extra);
          String folderKey = rs.getString(extra + 1);
          notes.put(id, ref);
          folderOf.put(id, folderKey);
          byTitle
              .computeIfAbsent(titleKey, k -> new ArrayList<>(1))
              .add(new LinkResolution.Candidate(id, folderKey, ref.created(), ref.soul().value()));
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT alias_key, note_id FROM note_alias")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(2);
          NoteRef ref = notes.get(id);
          if (ref != null) {
            byAlias
                .computeIfAbsent(rs.getString(1), k -> new ArrayList<>(1))
                .add(
                    new LinkResolution.Candidate(
                        id, folderOf.get(id), ref.created(), ref.soul().value()));
          }
        }
      }
    }
    // Attachments by name key: a link that reaches one reaches no note (see LinkTargets).
    Map<String, List<LinkResolution.Candidate>> files = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, name_key, folder_key, soul FROM attachment WHERE deleted = 0")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          files
              .computeIfAbsent(rs.getString(2), k -> new ArrayList<>(1))
              .add(
                  new LinkResolution.Candidate(rs.getLong(1), rs.getString(3), 0, rs.getString(4)));
        }
      }
    }
    Map<String, Long> resolved = new HashMap<>();
    Set<Long> pairs = new HashSet<>();
    List<long[]> edges = new ArrayList<>();
    Map<Long, Integer> degree = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT src, target_key, target_folder FROM link")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long from = rs.getLong(1);
          String sourceFolder = folderOf.get(from);
          if (sourceFolder == null) {
            continue; // a deleted note's links
          }
          String name = rs.getString(2);
          String targetFolder = rs.getString(3);
          long to =
              resolved.computeIfAbsent(
                  sourceFolder + '\0' + name + '\0' + targetFolder,
                  k ->
                      LinkFiles.mayBeAttachment(name)
                              && LinkResolution.choose(
                                      files.getOrDefault(name, List.of()),
                                      sourceFolder,
                                      targetFolder)
                                  .isPresent()
                          ? -1L
                          : resolve(byTitle, byAlias, sourceFolder, name, targetFolder));
          // Note ids are rowids far below 2^32, so a pair packs into one long.
          if (to >= 0 && to != from && pairs.add(from << 32 | to)) {
            edges.add(new long[] {from, to});
            degree.merge(from, 1, Integer::sum);
            degree.merge(to, 1, Integer::sum);
          }
        }
      }
    }
    return keepBestConnected(notes, edges, degree, maxNodes);
  }

  /**
   * As {@link LinkTargets#resolve}, on the candidates read in memory; -1 when the link reaches no
   * note.
   */
  private static long resolve(
      Map<String, List<LinkResolution.Candidate>> byTitle,
      Map<String, List<LinkResolution.Candidate>> byAlias,
      String sourceFolder,
      String name,
      String targetFolder) {
    Optional<LinkResolution.Candidate> title =
        LinkResolution.choose(byTitle.getOrDefault(name, List.of()), sourceFolder, targetFolder);
    if (title.isPresent()) {
      return title.get().id();
    }
    if (!targetFolder.isEmpty()) {
      return -1;
    }
    return LinkResolution.choose(byAlias.getOrDefault(name, List.of()), sourceFolder, targetFolder)
        .map(LinkResolution.Candidate::id)
        .orElse(-1L);
  }

  private static GraphView keepBestConnected(
      Map<Long, NoteRef> notes, List<long[]> edges, Map<Long, Integer> degree, int maxNodes) {
    Long[] ids = notes.keySet().toArray(Long[]::new);
    boolean truncated = ids.length > maxNodes;
    if (truncated) {
      Arrays.sort(
          ids,
          Comparator.<Long>comparingInt(id -> -degree.getOrDefault(id, 0))
              .thenComparing(id -> notes.get(id).soul()));
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
}
