package org.rhizome.app.cli.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.query.NoteRef;

/**
 * What resolving links costs after an import, before and after attachments became link targets, in
 * the same run on the same file: the import summary's unresolved-links query as it was (notes and
 * aliases only, file names dropped by their extension afterwards) and as it is (attachments checked
 * in SQL), both on a read-only connection of their own; then the workspace's own {@code
 * unresolvedLinks} and {@code outgoingLinks} of every note (which now look attachments up for names
 * with an extension). Medians of {@value #RUNS} runs, wall and thread CPU.
 */
final class LinkResolutionFigures {
  static final int RUNS = 5;
  private static final String BEFORE =
      "SELECT min(l.target), count(*), count(DISTINCT l.src)"
          + " FROM link l JOIN note s ON s.id = l.src AND s.deleted = 0"
          + " WHERE NOT EXISTS (SELECT 1 FROM note n WHERE n.title_key = l.target_key AND n.deleted = 0)"
          + " AND NOT EXISTS (SELECT 1 FROM note_alias a JOIN note n ON n.id = a.note_id WHERE a.alias_key = l.target_key AND n.deleted = 0)"
          + " GROUP BY l.target_key ORDER BY count(*) DESC, l.target_key LIMIT ?";
  private static final String AFTER =
      "SELECT min(l.target), count(*), count(DISTINCT l.src)"
          + " FROM link l JOIN note s ON s.id = l.src AND s.deleted = 0"
          + " WHERE NOT EXISTS (SELECT 1 FROM note n WHERE n.title_key = l.target_key AND n.deleted = 0)"
          + " AND NOT EXISTS (SELECT 1 FROM note_alias a JOIN note n ON n.id = a.note_id WHERE a.alias_key = l.target_key AND n.deleted = 0)"
          + " AND NOT EXISTS (SELECT 1 FROM attachment f WHERE f.name_key = l.target_key AND f.deleted = 0)"
          + " GROUP BY l.target_key ORDER BY count(*) DESC, l.target_key LIMIT ?";

  private LinkResolutionFigures() {}

  interface Work {
    int run() throws Exception;
  }

  static Map<String, Object> measure(Workspace ws) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    try (Connection c =
        DriverManager.getConnection("jdbc:sqlite:" + ws.file().toAbsolutePath() + "?open_mode=1")) {
      out.put("unresolved_sql_before", time(() -> rows(c, BEFORE)));
      out.put("unresolved_sql_after", time(() -> rows(c, AFTER)));
    }
    out.put("unresolved_api_after", time(() -> ws.unresolvedLinks(1000).size()));
    List<NoteRef> notes = ws.listNotes(Integer.MAX_VALUE);
    out.put(
        "outgoing_links_all_notes_after",
        time(
            () -> {
              int n = 0;
              for (NoteRef r : notes) {
                n += ws.outgoingLinks(r.soul()).size();
              }
              return n;
            }));
    return out;
  }

  private static int rows(Connection c, String sql) throws Exception {
    List<String> targets = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, 1000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          targets.add(rs.getString(1));
        }
      }
    }
    return targets.size();
  }

  private static Map<String, Object> time(Work work) throws Exception {
    var bean = java.lang.management.ManagementFactory.getThreadMXBean();
    double[] wall = new double[RUNS];
    double[] cpu = new double[RUNS];
    int result = 0;
    for (int i = 0; i < RUNS; i++) {
      long c0 = bean.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      result = work.run();
      wall[i] = (System.nanoTime() - t0) / 1e6;
      cpu[i] = (bean.getCurrentThreadCpuTime() - c0) / 1e6;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("median_ms", Math.round(wall[RUNS / 2] * 100) / 100.0);
    m.put("median_thread_cpu_ms", Math.round(cpu[RUNS / 2] * 100) / 100.0);
    m.put("rows", result);
    return m;
  }
}
