package org.rhizome.app.cli.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.CodeArea;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.shell.DesktopApp;
import org.rhizome.ui.shell.DesktopSession;
import org.rhizome.ui.shell.Pulses;
import org.rhizome.ui.shell.UiServices;
import org.rhizome.ui.switcher.QuickSwitcher;

/**
 * The desktop UI's figures on one generated workspace:
 *
 * <ul>
 *   <li>start: the real launch of the window in a fresh JVM ({@code Main --data DIR} with {@code
 *       RHIZOME_START_PROBE=1}), each step in ms since the process started: "something on screen"
 *       when the window's outline is read back from the display, "usable" when the last session's
 *       note is in an editable editor and its text is read back from the display; the note list's
 *       first rows and all of them after that; plainly, and with a class-data archive and C1 only,
 *       as a launcher can start it;
 *   <li>note switch: opening a note that is not open until a frame shows its text;
 *   <li>keystroke: a typed character in the middle of a ~200 KB note — the event's handling
 *       (highlighting, queuing the splice) and until the next frame has laid it out;
 *   <li>quick switcher: from a query being typed to its results in the list, and the fuzzy match
 *       alone.
 * </ul>
 *
 * Wall-clock figures include whatever else the machine is doing; {@code fx_thread_cpu} is the CPU
 * time the FX thread spent from the input to the end of the frame's layout, and {@code
 * process_cpu_at_usable} the start's CPU time (all threads) until usable, which load inflates far
 * less than wall time.
 */
final class UiBench {
  static final long STEP_TIMEOUT_S = 60;

  /**
   * CPU time of the FX thread: what the UI's own work costs, whatever else the machine is doing.
   */
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private final int notes;
  private final int starts;
  private final Path dir;
  private final PrintStream progress;

  UiBench(int notes, int starts, Path dir, PrintStream progress) {
    this.notes = notes;
    this.starts = starts;
    this.dir = dir;
    this.progress = progress;
  }

  Map<String, Object> run() throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("notes", notes);
    UiBenchWorkspace.Generated g = UiBenchWorkspace.create(dir, notes, progress);
    out.put("start", startups(List.of()));
    // The same with the two start-up settings a launcher can pass: an application class-data
    // archive (classes pre-parsed and verified; made by one run with -XX:ArchiveClassesAtExit)
    // and C1 only (no C2 compiling while the window is being built).
    Path archive = dir.resolve("rhizome.jsa");
    probe(List.of("-XX:ArchiveClassesAtExit=" + archive));
    out.put(
        "start_cds_c1",
        startups(List.of("-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1")));
    try (Workspace ws = g.data().openDefaultWorkspace()) {
      DesktopSession session = DesktopApp.open(UiServices.of(ws, g.data().root()));
      session.ready().get(STEP_TIMEOUT_S, TimeUnit.SECONDS);
      out.put("note_switch", noteSwitches(session, g));
      out.put("keystroke_200kb", keystrokes(session, g.bigNote()));
      out.put("quick_switcher", switcher(session, g));
      CompletableFuture<Void> closed = session.closed();
      Platform.runLater(session::close);
      closed.get(STEP_TIMEOUT_S, TimeUnit.SECONDS);
    }
    return out;
  }

  /** The steps of a start, in order, as {@code GuiLauncher}'s start probe prints them. */
  static final List<String> STEPS =
      List.of(
          "toolkit",
          "stage",
          "laid_out",
          "on_screen",
          "workspace",
          "built",
          "note",
          "usable",
          "list_first",
          "list_all");

  /**
   * Fresh JVMs, one after another, each the real launch of the window ({@code Main --data DIR}, as
   * a person starts it, timed by the start probe); the first warms the OS file cache and is
   * reported apart. "on screen" and "usable" are what the probe read back from the display.
   */
  private Map<String, Object> startups(List<String> jvmOptions) throws Exception {
    Map<String, Percentiles> steps = new LinkedHashMap<>();
    STEPS.forEach(s -> steps.put(s, new Percentiles()));
    Percentiles wall = new Percentiles();
    Percentiles cpu = new Percentiles();
    Map<String, Long> first = Map.of();
    for (int i = 0; i <= starts; i++) {
      Start t = probe(jvmOptions);
      progress.printf(
          "start %d: on screen %d ms, usable %d ms since the process started (%d ms CPU by then;"
              + " %.0f ms wall seen from the bench); steps %s%n",
          i,
          t.steps().getOrDefault("on_screen", -1L),
          t.steps().getOrDefault("usable", -1L),
          t.cpuMillis(),
          t.wallNanos() / 1e6,
          t.steps());
      if (i == 0) {
        first = t.steps();
        continue;
      }
      wall.add(t.wallNanos());
      cpu.add(t.cpuMillis() * 1_000_000);
      t.steps()
          .forEach((k, v) -> steps.computeIfAbsent(k, x -> new Percentiles()).add(v * 1_000_000));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("something_on_screen", steps.get("on_screen").summaryMillis());
    out.put("usable", steps.get("usable").summaryMillis());
    out.put("process_cpu_at_usable", cpu.summaryMillis());
    out.put("usable_wall_seen_by_bench", wall.summaryMillis());
    Map<String, Object> medians = new LinkedHashMap<>();
    steps.forEach(
        (k, v) -> {
          Map<String, Object> sum = v.summaryMillis();
          if (sum.get("p50_ms") != null) {
            medians.put(k, sum.get("p50_ms"));
          }
        });
    out.put("steps_p50_ms_since_process_start", medians);
    out.put("first_run_steps_ms", first);
    return out;
  }

  /**
   * One start: each step's ms since the child process started, its CPU ms when usable, and the wall
   * time from launching it to reading its "usable" line.
   */
  record Start(Map<String, Long> steps, long cpuMillis, long wallNanos) {}

  private Start probe(List<String> jvmOptions) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java));
    cmd.addAll(jvmOptions);
    for (String p :
        List.of("prism.order", "glass.platform", "monocle.platform", "java.awt.headless")) {
      String v = System.getProperty(p);
      if (v != null) {
        cmd.add("-D" + p + "=" + v);
      }
    }
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "org.rhizome.app.Main",
            "--data",
            dir.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("RHIZOME_START_PROBE", "1");
    long t0 = System.nanoTime();
    Process p = pb.start();
    Map<String, Long> steps = new LinkedHashMap<>();
    long cpuMillis = -1;
    long wall = -1;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] parts = line.strip().split(" ");
        if (parts[0].equals("rhizome-start") && parts.length == 3) {
          steps.put(parts[1], Long.parseLong(parts[2]));
          if (parts[1].equals("usable")) {
            wall = System.nanoTime() - t0;
          }
        } else if (parts[0].equals("rhizome-start-cpu")) {
          cpuMillis = Long.parseLong(parts[1]);
        } else if (parts[0].equals("rhizome-start-failed")) {
          throw new IllegalStateException("the start probe did not see " + parts[1] + " on screen");
        } else if (parts[0].equals("rhizome-start-done")) {
          break;
        }
      }
    } finally {
      if (!p.waitFor(STEP_TIMEOUT_S, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    if (wall < 0) {
      throw new IllegalStateException(
          "the window exited with " + p.exitValue() + " before it was usable");
    }
    return new Start(steps, cpuMillis, wall);
  }

  private Map<String, Object> noteSwitches(DesktopSession session, UiBenchWorkspace.Generated g)
      throws Exception {
    Random random = new Random(7);
    Percentiles p = new Percentiles();
    Percentiles fxCpu = new Percentiles();
    for (int i = 0; i < 70; i++) {
      Soul soul = g.souls().get(random.nextInt(g.souls().size()));
      if (session.window().editors().noteTab(soul).isPresent()) {
        continue;
      }
      long[] cpu = new long[2];
      long t0 = System.nanoTime();
      long shown =
          onFx(() -> {
                CompletableFuture<Long> frame = new CompletableFuture<>();
                cpu[0] = THREADS.getCurrentThreadCpuTime();
                session
                    .window()
                    .openNote(
                        soul,
                        () ->
                            Pulses.next(session.stage().getScene())
                                .thenAccept(
                                    t -> {
                                      cpu[1] = THREADS.getCurrentThreadCpuTime();
                                      frame.complete(t);
                                    }));
                return frame;
              })
              .get(STEP_TIMEOUT_S, TimeUnit.SECONDS);
      if (i >= 10) {
        p.add(shown - t0);
        fxCpu.add(cpu[1] - cpu[0]);
      }
      onFx(() -> {
            session.window().editors().closeSelected();
            return CompletableFuture.completedFuture(0L);
          })
          .get();
    }
    Map<String, Object> out = p.summaryMillis();
    out.put("fx_thread_cpu", fxCpu.summaryMillis());
    return out;
  }

  private Map<String, Object> keystrokes(DesktopSession session, Soul big) throws Exception {
    onFx(() -> {
          CompletableFuture<Long> shown = new CompletableFuture<>();
          session.window().openNote(big, () -> shown.complete(0L));
          return shown;
        })
        .get(STEP_TIMEOUT_S, TimeUnit.SECONDS);
    CodeArea area =
        onFx(() ->
                CompletableFuture.completedFuture(
                    session.window().editors().noteTab(big).orElseThrow().editor().area()))
            .get();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("note_chars", onFx(() -> CompletableFuture.completedFuture(area.getLength())).get());
    onFx(() -> {
          area.moveTo(area.getLength() / 2);
          area.requestFollowCaret();
          return Pulses.next(session.stage().getScene());
        })
        .get(STEP_TIMEOUT_S, TimeUnit.SECONDS);
    Percentiles handled = new Percentiles();
    Percentiles onScreen = new Percentiles();
    Percentiles fxCpu = new Percentiles();
    for (int i = 0; i < 240; i++) {
      String ch = i % 12 == 11 ? " " : String.valueOf((char) ('a' + i % 26));
      long[] t = new long[4];
      long frame =
          onFx(() -> {
                t[2] = THREADS.getCurrentThreadCpuTime();
                t[0] = System.nanoTime();
                Event.fireEvent(
                    area,
                    new KeyEvent(
                        KeyEvent.KEY_TYPED, ch, "", KeyCode.UNDEFINED, false, false, false, false));
                t[1] = System.nanoTime();
                return Pulses.next(session.stage().getScene())
                    .thenApply(
                        end -> {
                          t[3] = THREADS.getCurrentThreadCpuTime();
                          return end;
                        });
              })
              .get(STEP_TIMEOUT_S, TimeUnit.SECONDS);
      if (i >= 40) {
        handled.add(t[1] - t[0]);
        onScreen.add(frame - t[0]);
        fxCpu.add(t[3] - t[2]);
      }
    }
    out.put("handled", handled.summaryMillis());
    out.put("on_screen", onScreen.summaryMillis());
    out.put("fx_thread_cpu", fxCpu.summaryMillis());
    return out;
  }

  private Map<String, Object> switcher(DesktopSession session, UiBenchWorkspace.Generated g)
      throws Exception {
    Random random = new Random(11);
    QuickSwitcher switcher = session.window().switcher();
    onFx(() -> {
          CompletableFuture<Long> loaded = new CompletableFuture<>();
          session.window().names().refresh(() -> loaded.complete(0L));
          return loaded;
        })
        .get(STEP_TIMEOUT_S, TimeUnit.SECONDS);
    Percentiles toList = new Percentiles();
    Percentiles match = new Percentiles();
    for (int i = 0; i < 60; i++) {
      String title = g.vault().title(random.nextInt(g.souls().size()));
      String query = abbreviation(title, random);
      long t0 = System.nanoTime();
      session.window().names().match(query, 50);
      long matched = System.nanoTime() - t0;
      long[] start = new long[1];
      long shown =
          onFx(() -> {
                CompletableFuture<Long> listed = new CompletableFuture<>();
                if (!session.window().overlay().isShowing()) {
                  switcher.show();
                }
                var items = switcher.picker().resultList().getItems();
                javafx.collections.ListChangeListener<Object> l =
                    new javafx.collections.ListChangeListener<>() {
                      @Override
                      public void onChanged(Change<?> c) {
                        items.removeListener(this);
                        listed.complete(System.nanoTime());
                      }
                    };
                items.addListener(l);
                start[0] = System.nanoTime();
                switcher.picker().queryField().setText(query);
                return listed;
              })
              .get(STEP_TIMEOUT_S, TimeUnit.SECONDS);
      if (i >= 10) {
        match.add(matched);
        toList.add(shown - start[0]);
      }
    }
    onFx(() -> {
          session.window().overlay().hide();
          return CompletableFuture.completedFuture(0L);
        })
        .get();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("names", session.window().names().size());
    out.put("query_to_results", toList.summaryMillis());
    out.put("fuzzy_match", match.summaryMillis());
    return out;
  }

  /** What a person types to find a title: a few letters from its words, in order. */
  static String abbreviation(String title, Random random) {
    StringBuilder q = new StringBuilder();
    for (String word : title.split(" ")) {
      int take = Math.min(word.length(), 1 + random.nextInt(3));
      q.append(word, 0, take);
      if (q.length() >= 6) {
        break;
      }
    }
    return q.toString().toLowerCase(java.util.Locale.ROOT);
  }

  private static <T> CompletableFuture<T> onFx(Callable<CompletableFuture<T>> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            work.call()
                .whenComplete(
                    (v, e) -> {
                      if (e != null) {
                        result.completeExceptionally(e);
                      } else {
                        result.complete(v);
                      }
                    });
          } catch (Exception e) {
            result.completeExceptionally(e);
          }
        });
    return result;
  }
}
