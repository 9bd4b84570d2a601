package org.rhizome.app.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The floor under an import or a bulk create: the same titles and bodies loaded into a fresh SQLite
 * file with an FTS5 index, through the same JDBC driver, one transaction, one prepared statement
 * per table. No CRDT, no signatures, no links: what the machine does for the bare text, so that the
 * engine's figure can be printed as a ratio to it in the same run (the load of a shared machine
 * then hits both alike).
 */
final class PlainSqliteFloor {
  private PlainSqliteFloor() {}

  /**
   * Loads {@code notes} ({@code {folder, title, body}}) into {@code file} (which must not exist)
   * and returns {@code ms}, {@code cpu_ms} (this thread: the load runs on it alone), {@code
   * process_cpu_ms} (all threads, the JIT compiler's and the collector's too: to set beside a
   * whole-process figure) and {@code notes}.
   */
  static Map<String, Object> load(Path file, Iterator<String[]> notes)
      throws IOException, SQLException {
    long t0 = System.nanoTime();
    long cpu0 = threadCpuNanos();
    long process0 = processCpuNanos();
    long count = 0;
    // Without the driver's generated-keys query after each INSERT, as the engine's connections:
    // the floor is what the bare load costs, not what a default-configured driver adds to it.
    java.util.Properties props = new java.util.Properties();
    props.setProperty("jdbc.get_generated_keys", "false");
    try (Connection c =
        DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), props)) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
        s.execute(
            "CREATE TABLE note(id INTEGER PRIMARY KEY, folder TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL)");
        s.execute(
            "CREATE VIRTUAL TABLE note_fts USING fts5(title, body, content='note', content_rowid='id')");
      }
      c.setAutoCommit(false);
      try (PreparedStatement note =
              c.prepareStatement("INSERT INTO note(id, folder, title, body) VALUES (?, ?, ?, ?)");
          PreparedStatement fts =
              c.prepareStatement("INSERT INTO note_fts(rowid, title, body) VALUES (?, ?, ?)")) {
        while (notes.hasNext()) {
          String[] n = notes.next();
          count++;
          note.setLong(1, count);
          note.setString(2, n[0]);
          note.setString(3, n[1]);
          note.setString(4, n[2]);
          note.executeUpdate();
          fts.setLong(1, count);
          fts.setString(2, n[1]);
          fts.setString(3, n[2]);
          fts.executeUpdate();
        }
      }
      c.commit();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("notes", count);
    out.put("ms", Math.round((System.nanoTime() - t0) / 1e6));
    out.put("cpu_ms", Math.round((threadCpuNanos() - cpu0) / 1e6));
    out.put("process_cpu_ms", Math.round((processCpuNanos() - process0) / 1e6));
    return out;
  }

  /**
   * The Markdown files under {@code vault} (hidden folders left out, as the importer does), read as
   * they are iterated: reading the files is part of the floor, as it is part of an import.
   */
  static Iterator<String[]> markdownFiles(Path vault) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(vault)) {
      files =
          walk.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p))
              .filter(p -> !hidden(vault.relativize(p)))
              .sorted()
              .toList();
    }
    Iterator<Path> it = files.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public String[] next() {
        Path p = it.next();
        Path rel = vault.relativize(p);
        String name = rel.getFileName().toString();
        try {
          return new String[] {
            rel.getParent() == null ? "" : rel.getParent().toString().replace('\\', '/'),
            name.substring(0, name.length() - 3),
            Files.readString(p)
          };
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /** {@code engine / floor} to one decimal; a floor under a millisecond counts as one. */
  static double ratio(double engine, Object floor) {
    return Math.round(engine / Math.max(1.0, ((Number) floor).doubleValue()) * 10) / 10.0;
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long threadCpuNanos() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }
}
