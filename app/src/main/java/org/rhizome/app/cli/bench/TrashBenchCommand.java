package org.rhizome.app.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.rhizome.app.cli.common.WorkFiles;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.text.Splice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rhizome bench trash}: the trash and history on a generated workspace (never the user's):
 * listing the trash, restoring notes one at a time, emptying it, and grouping a long typing
 * history.
 */
@Command(
    name = "trash",
    mixinStandardHelpOptions = true,
    description = {
      "Generate N notes, delete D of them, and print as JSON: trash list latency (wall and the reading",
      "thread's CPU), restore latency per note, the time to empty the trash, and history grouping of a note typed",
      "in 2,000 batches."
    })
public final class TrashBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--notes",
      defaultValue = "10000",
      description = "Notes in the workspace (default: ${DEFAULT-VALUE}).")
  int notes;

  @Option(
      names = "--deleted",
      defaultValue = "1000",
      description = "Notes deleted (default: ${DEFAULT-VALUE}).")
  int deleted;

  @Option(
      names = "--restores",
      defaultValue = "100",
      description = "Notes restored one at a time (default: ${DEFAULT-VALUE}).")
  int restores;

  @Option(
      names = "--runs",
      defaultValue = "30",
      description = "Trash list runs (default: ${DEFAULT-VALUE}).")
  int runs;

  @Override
  public Integer call() throws Exception {
    if (notes < 10
        || deleted < 1
        || deleted > notes
        || restores < 1
        || restores > deleted
        || runs < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "need --notes ≥ 10, 1 ≤ --deleted ≤ --notes, 1 ≤ --restores ≤ --deleted, --runs ≥ 1");
    }
    Path work = Files.createTempDirectory("rhizome-bench-trash");
    try (Workspace ws =
        Workspace.open(work.resolve("bench.db"), DeviceKey.generate(new SecureRandom()))) {
      Map<String, Object> result = run(ws);
      BenchJson.print(spec, result);
      return 0;
    } finally {
      WorkFiles.deleteTree(work);
    }
  }

  private Map<String, Object> run(Workspace ws) throws Exception {
    Random random = new Random(42);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.err.println("creating " + notes + " notes…");
    List<Soul> souls = new ArrayList<>(notes);
    for (int from = 0; from < notes; from += 1000) {
      List<String[]> batch = new ArrayList<>();
      for (int i = from; i < Math.min(notes, from + 1000); i++) {
        batch.add(
            new String[] {
              "Note " + i,
              "# Note "
                  + i
                  + "\nSome text about topic "
                  + (i % 97)
                  + ", see [[Note "
                  + random.nextInt(notes)
                  + "]] and [[Note "
                  + random.nextInt(notes)
                  + "]]. #topic"
                  + (i % 13)
                  + "\n"
                  + "A second paragraph with more words in it, to give the note a realistic length.\n"
                      .repeat(6)
            });
      }
      souls.addAll(ws.createNotesAsync(batch).get());
    }
    System.err.println("deleting " + deleted + "…");
    List<Soul> doomed = new ArrayList<>(souls);
    Collections.shuffle(doomed, random);
    doomed = doomed.subList(0, deleted);
    List<CompletableFuture<?>> deletes = new ArrayList<>();
    for (Soul s : doomed) {
      deletes.add(ws.deleteNoteAsync(s));
    }
    CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new)).get();

    Percentiles listWall = new Percentiles();
    Percentiles listCpu = new Percentiles();
    int listed = 0;
    for (int r = 0; r < runs + 3; r++) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      listed = ws.trash(Integer.MAX_VALUE).size();
      long wall = System.nanoTime() - t0;
      long cpu = threads.getCurrentThreadCpuTime() - cpu0;
      if (r >= 3) { // the first runs warm the JIT and SQLite's cache
        listWall.add(wall);
        listCpu.add(cpu);
      }
    }

    Percentiles restoreWall = new Percentiles();
    long restoreCpu0 = os.getProcessCpuTime();
    for (int i = 0; i < restores; i++) {
      long t0 = System.nanoTime();
      ws.restoreNote(doomed.get(i));
      restoreWall.add(System.nanoTime() - t0);
    }
    long restoreCpu = os.getProcessCpuTime() - restoreCpu0;

    long emptyCpu0 = os.getProcessCpuTime();
    long e0 = System.nanoTime();
    int emptied = ws.emptyTrash();
    long emptyWall = System.nanoTime() - e0;
    long emptyCpu = os.getProcessCpuTime() - emptyCpu0;

    System.err.println("typing a note in 2,000 batches…");
    Soul typed = ws.createNote("Typed", "");
    int length = 0;
    for (int i = 0; i < 2000; i++) {
      String part = i % 40 == 39 ? "\n" : "word" + (i % 7) + " ";
      ws.spliceBodyAsync(typed, List.of(new Splice(length, 0, part)));
      length += part.length();
    }
    ws.spliceBody(typed, List.of(new Splice(length, 0, "end")));
    Percentiles historyWall = new Percentiles();
    Percentiles historyCpu = new Percentiles();
    int versions = 0;
    for (int r = 0; r < 10; r++) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      versions = ws.bodyVersions(typed, 1000).size();
      historyWall.add(System.nanoTime() - t0);
      historyCpu.add(threads.getCurrentThreadCpuTime() - cpu0);
    }

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("notes", notes);
    out.put("deleted", deleted);
    out.put("listed", listed);
    out.put("trash_list", listWall.summaryMillis());
    out.put("trash_list_thread_cpu", listCpu.summaryMillis());
    out.put("restore", restoreWall.summaryMillis());
    out.put("restore_process_cpu_ms_per_note", Percentiles.ms(restoreCpu / restores));
    out.put("empty_notes", emptied);
    out.put("empty_ms", Percentiles.ms(emptyWall));
    out.put("empty_process_cpu_ms", Percentiles.ms(emptyCpu));
    out.put("history_edits", ws.bodyHistory(typed, 10_000).size());
    out.put("history_versions", versions);
    out.put("history_group", historyWall.summaryMillis());
    out.put("history_group_thread_cpu", historyCpu.summaryMillis());
    out.put("processors", Runtime.getRuntime().availableProcessors());
    out.put("load_average", os.getSystemLoadAverage());
    return out;
  }
}
