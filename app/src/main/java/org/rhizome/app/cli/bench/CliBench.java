package org.rhizome.app.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.rhizome.app.data.DataDirectory;
import org.rhizome.graph.Workspace;

/**
 * The CLI benchmark: runs whole {@code rhizome} processes, each command of each launcher in turn
 * (interleaved, so that a shared machine's load falls on all alike), and takes their CPU time from
 * {@code /proc/self/stat} (the reaped children's user and system time), which a busy machine
 * inflates far less than the wall-clock time.
 */
final class CliBench {
  /** Linux's clock tick for {@code /proc} times (USER_HZ, 100 on every Linux we run on). */
  private static final int TICK_MS = 10;

  private static final long TIMEOUT_S = 120;

  /**
   * The entry point the processes run, by name: the bench is a corner below the command line and
   * does not depend on the composition root that lists it (the jar's manifest names the same).
   */
  private static final String MAIN_CLASS = "org.rhizome.app.Main";

  private final List<List<String>> launchers;
  private final int runs;
  private final int notes;
  private final boolean phases;
  private final Path work;
  private final PrintStream log;

  CliBench(
      List<List<String>> launchers,
      int runs,
      int notes,
      boolean phases,
      Path work,
      PrintStream log) {
    this.launchers = launchers;
    this.runs = runs;
    this.notes = notes;
    this.phases = phases;
    this.work = work;
    this.log = log;
  }

  /**
   * {@code java -jar} on the jar this runs from (or {@code -cp} on this class path when run from
   * classes).
   */
  static String thisLauncher() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path from;
    try {
      from = Path.of(CliBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (Exception e) {
      throw new IllegalStateException("cannot tell where rhizome runs from: pass --launcher", e);
    }
    if (!Files.exists(Path.of(java))) {
      throw new IllegalStateException(
          "this runtime has no bin/java (an installed launcher?): pass --launcher");
    }
    return Files.isRegularFile(from)
        ? java + " -jar " + from
        : java + " -cp " + System.getProperty("java.class.path") + " " + MAIN_CLASS;
  }

  Map<String, Object> run() throws Exception {
    Path data = work.resolve("data");
    String title0 = seed(data);
    String word = title0.split(" ")[0];
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("--version", List.of("--version"));
    commands.put(
        "note add", List.of("note", "add", "--title", "@", "--body", "a note from bench cli"));
    commands.put("note show", List.of("note", "show", title0));
    commands.put("status", List.of("status"));
    commands.put("search", List.of("search", word));

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("load_before", loadAverage());
    out.put("notes", notes);
    out.put("runs", runs);
    List<Map<String, long[][]>> samples =
        new ArrayList<>(); // launcher -> command -> {wall, cpu}[run]
    for (int l = 0; l < launchers.size(); l++) {
      Map<String, long[][]> m = new LinkedHashMap<>();
      commands.keySet().forEach(c -> m.put(c, new long[2][runs]));
      samples.add(m);
    }
    for (int r = 0; r < runs; r++) {
      log.printf("run %d of %d%n", r + 1, runs);
      for (int l = 0; l < launchers.size(); l++) {
        for (var c : commands.entrySet()) {
          long[] t =
              time(launchers.get(l), data, withTitle(c.getValue(), "Bench " + l + "-" + r), false)
                  .wallCpu;
          samples.get(l).get(c.getKey())[0][r] = t[0];
          samples.get(l).get(c.getKey())[1][r] = t[1];
        }
      }
    }
    List<Object> perLauncher = new ArrayList<>();
    for (int l = 0; l < launchers.size(); l++) {
      Map<String, Object> lo = new LinkedHashMap<>();
      lo.put("launcher", String.join(" ", launchers.get(l)));
      for (var e : samples.get(l).entrySet()) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("wall_ms_median", median(e.getValue()[0]));
        figures.put("cpu_ms_median", median(e.getValue()[1]));
        figures.put("wall_ms_min", Arrays.stream(e.getValue()[0]).min().orElse(0));
        figures.put("cpu_ms_min", Arrays.stream(e.getValue()[1]).min().orElse(0));
        lo.put(e.getKey(), figures);
      }
      if (phases) {
        log.printf("phases of note add, launcher %d%n", l + 1);
        lo.put("note_add_phases", phases(launchers.get(l), data, commands.get("note add"), l));
      }
      perLauncher.add(lo);
    }
    out.put("launchers", perLauncher);
    out.put("load_after", loadAverage());
    return out;
  }

  /**
   * Medians over {@code runs} of the time between consecutive phase marks (see {@code
   * org.rhizome.app.cli.common.Phases}), wall, the process's CPU and the main thread's own CPU
   * (fine-grained, without the JIT's and collector's threads); the first mark is timed from the
   * JVM's start, and "after exit" is the process's wall-clock time after its last mark (JVM
   * shutdown, reaping).
   */
  private Map<String, Object> phases(List<String> launcher, Path data, List<String> args, int l)
      throws Exception {
    Map<String, List<long[]>> deltas = new LinkedHashMap<>();
    for (int r = 0; r < runs; r++) {
      Timed t = time(launcher, data, withTitle(args, "Phases " + l + "-" + r), true);
      long wall = 0;
      long cpu = 0;
      long threadUs = 0;
      for (String line : t.stderr.split("\n")) {
        String[] f = line.trim().split(" ");
        if (f.length >= 4 && f[0].equals("rhizome-phase")) {
          long w = Long.parseLong(f[2]);
          long c = Long.parseLong(f[3]);
          // The main thread's own CPU (µs; -1 where the launcher's JVM cannot tell).
          long tu = f.length >= 5 ? Math.round(Double.parseDouble(f[4]) * 1000) : -1;
          deltas
              .computeIfAbsent(f[1], k -> new ArrayList<>())
              .add(new long[] {w - wall, c - cpu, tu < 0 ? -1 : tu - threadUs});
          wall = w;
          cpu = c;
          threadUs = Math.max(tu, 0);
        }
      }
      deltas
          .computeIfAbsent("after exit", k -> new ArrayList<>())
          .add(new long[] {Math.max(0, t.wallCpu[0] - wall), -1, -1});
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (var e : deltas.entrySet()) {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("wall_ms_median", median(e.getValue().stream().mapToLong(x -> x[0]).toArray()));
      if (e.getValue().get(0)[1] >= 0) {
        figures.put("cpu_ms_median", median(e.getValue().stream().mapToLong(x -> x[1]).toArray()));
      }
      if (e.getValue().get(0)[2] >= 0) {
        figures.put(
            "main_thread_cpu_ms_median",
            median(e.getValue().stream().mapToLong(x -> x[2]).toArray()) / 1000.0);
      }
      out.put(e.getKey(), figures);
    }
    return out;
  }

  private record Timed(long[] wallCpu, String stderr) {}

  private Timed time(List<String> launcher, Path data, List<String> args, boolean phases)
      throws Exception {
    List<String> command = new ArrayList<>(launcher);
    command.add("--data");
    command.add(data.toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    if (phases) {
      pb.environment().put("RHIZOME_PHASES", "1");
    }
    long cpu0 = childrenCpuMs();
    long t0 = System.nanoTime();
    Process p = pb.start();
    byte[] err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " took over " + TIMEOUT_S + " s");
    }
    long wall = (System.nanoTime() - t0) / 1_000_000;
    long cpu = childrenCpuMs() - cpu0;
    String stderr = new String(err, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " exited with " + p.exitValue() + ": " + stderr);
    }
    return new Timed(new long[] {wall, cpu}, stderr);
  }

  /**
   * A workspace of {@code notes} notes in the data directory, as the CLI would open it; returns the
   * first title.
   */
  private String seed(Path data) throws Exception {
    log.printf("seeding %,d notes%n", notes);
    SyntheticVault vault = new SyntheticVault(notes, 42);
    try (Workspace ws = new DataDirectory(data).openDefaultWorkspace()) {
      List<String[]> batch = new ArrayList<>();
      for (int i = 0; i < notes; i++) {
        batch.add(new String[] {vault.title(i), vault.body(i)});
        if (batch.size() == 1000 || i == notes - 1) {
          ws.createNotesAsync(batch).get();
          batch = new ArrayList<>();
        }
      }
    }
    return vault.title(0);
  }

  private static List<String> withTitle(List<String> args, String title) {
    return args.stream().map(a -> a.equals("@") ? title : a).toList();
  }

  /** User + system CPU of this process's reaped children, in ms; -1 where there is no /proc. */
  private static long childrenCpuMs() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[13]) + Long.parseLong(f[14]))
          * TICK_MS; // cutime, cstime (fields 16, 17)
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return String.valueOf(
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
