package org.rhizome.app.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.vault.ExportReport;
import org.rhizome.graph.vault.ImportReport;
import org.rhizome.graph.vault.VaultExporter;
import org.rhizome.graph.vault.VaultImporter;
import org.rhizome.graph.vault.VaultMirror;
import org.rhizome.graph.vault.VaultProgress;

/** The vault benchmark: a generated vault, imported, re-imported, exported and mirrored. */
final class VaultBench {
  private static final int FOLDERS = 40;
  private static final int ATTACHMENTS = 100;
  private final int notes;
  private final int saves;
  private final Path work;
  private final PrintStream log;
  private final Random random = new Random(42);

  VaultBench(int notes, int saves, Path work, PrintStream log) {
    this.notes = notes;
    this.saves = saves;
    this.work = work;
    this.log = log;
  }

  Map<String, Object> run() throws Exception {
    Path vault = Files.createDirectories(work.resolve("vault"));
    long bytes = generate(vault);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("notes", notes);
    out.put("attachments", ATTACHMENTS);
    out.put("vault_bytes", bytes);
    try (Workspace ws =
        Workspace.open(work.resolve("bench.db"), DeviceKey.generate(new SecureRandom()))) {
      log.println("importing " + notes + " notes...");
      long cpu = cpuNanos();
      ImportReport first = new VaultImporter(ws).importVault(vault, VaultProgress.NONE);
      out.put("import_ms", first.millis());
      out.put("import_cpu_ms", (cpuNanos() - cpu) / 1_000_000);
      out.put("import_notes_per_s", Math.round(notes * 1000.0 / Math.max(1, first.millis())));
      // After the import, so the floor runs on a JIT the import warmed: if anything, the ratio errs
      // high.
      log.println("loading the same files into plain SQLite + FTS5 (the floor)...");
      Map<String, Object> floor =
          PlainSqliteFloor.load(work.resolve("floor.db"), PlainSqliteFloor.markdownFiles(vault));
      out.put("plain_sqlite_fts5_floor", floor);
      out.put("import_to_floor", PlainSqliteFloor.ratio(first.millis(), floor.get("ms")));
      out.put(
          "import_cpu_to_floor_cpu",
          PlainSqliteFloor.ratio(
              ((Number) out.get("import_cpu_ms")).doubleValue(), floor.get("process_cpu_ms")));
      out.put("link_resolution", LinkResolutionFigures.measure(ws));
      ImportReport again = new VaultImporter(ws).importVault(vault, VaultProgress.NONE);
      out.put("reimport_unchanged_ms", again.millis());
      Path exported = work.resolve("export");
      log.println("exporting...");
      cpu = cpuNanos();
      ExportReport export = new VaultExporter(ws).export(exported, VaultProgress.NONE);
      out.put("export_ms", export.millis());
      out.put("export_cpu_ms", (cpuNanos() - cpu) / 1_000_000);
      ExportReport noop = new VaultExporter(ws).export(exported, VaultProgress.NONE);
      out.put("export_unchanged_ms", noop.millis());
      log.println("timing the mirror...");
      out.put("mirror_file_save_to_change_ms", mirror(ws, vault));
    }
    return out;
  }

  /** Saves files in the mirrored vault and times until the note's body has the new text. */
  private Map<String, Object> mirror(Workspace ws, Path vault) throws Exception {
    List<Double> millis = new ArrayList<>();
    try (VaultMirror mirror = new VaultMirror(ws, vault)) {
      mirror.start();
      for (int i = 0; i < saves; i++) {
        int n = random.nextInt(notes);
        Path file = vault.resolve(folderOf(n)).resolve(titleOf(n) + ".md");
        Soul soul = ws.resolve(folderOf(n) + "/" + titleOf(n)).orElseThrow().soul();
        String text =
            Files.readString(file) + "\nA line saved by another editor, number " + i + ".\n";
        long start = System.nanoTime();
        Files.writeString(file, text);
        long deadline = start + 10_000_000_000L;
        while (!ws.bodies(List.of(soul)).get(0).equals(text)) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the mirror did not take in a save within 10 s");
          }
          Thread.sleep(1);
        }
        millis.add((System.nanoTime() - start) / 1e6);
      }
    }
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("p50", Math.round(sorted[sorted.length / 2] * 10) / 10.0);
    out.put(
        "p95",
        Math.round(
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)] * 10)
            / 10.0);
    out.put("max", Math.round(sorted[sorted.length - 1] * 10) / 10.0);
    return out;
  }

  /**
   * CPU time of the whole process (all threads): meaningful when the machine is busy and wall-clock
   * time is not.
   */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String folderOf(int n) {
    int f = n % FOLDERS;
    return "Area " + (f % 8) + "/Topic " + f;
  }

  private static String titleOf(int n) {
    return "Note " + n;
  }

  private long generate(Path vault) throws IOException {
    long total = 0;
    for (int n = 0; n < notes; n++) {
      StringBuilder b = new StringBuilder(900);
      if (n % 3 == 0) {
        b.append("---\naliases: [N")
            .append(n)
            .append("]\ntags: [bench, area/")
            .append(n % 8)
            .append("]\ncreated: 2024-01-0")
            .append(1 + n % 9)
            .append("\n---\n");
      }
      b.append("# ").append(titleOf(n)).append("\n\n");
      for (int p = 0; p < 3; p++) {
        b.append("Some words about this topic, and a link to [[")
            .append(titleOf(random.nextInt(notes)))
            .append("]]");
        if (random.nextInt(4) == 0) {
          int m = random.nextInt(notes);
          b.append(" and [[")
              .append(folderOf(m))
              .append('/')
              .append(titleOf(m))
              .append("|a path link]]");
        }
        b.append(" with #topic/")
            .append(random.nextInt(30))
            .append(" and more text to make a paragraph.\n\n");
      }
      if (n % 50 == 0) {
        b.append("![[image ").append(n % ATTACHMENTS).append(".png]]\n");
      }
      Path file = vault.resolve(folderOf(n)).resolve(titleOf(n) + ".md");
      Files.createDirectories(file.getParent());
      byte[] bytes = b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      Files.write(file, bytes);
      total += bytes.length;
    }
    Path assets = Files.createDirectories(vault.resolve("Assets"));
    for (int a = 0; a < ATTACHMENTS; a++) {
      byte[] data = new byte[20_000];
      random.nextBytes(data);
      Files.write(assets.resolve("image " + a + ".png"), data);
      total += data.length;
    }
    return total;
  }
}
