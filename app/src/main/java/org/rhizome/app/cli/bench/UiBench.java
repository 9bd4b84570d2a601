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
 *   <li>start: a fresh JVM ({@code bench ui-probe}) from launch until the last session's note is in
 *       the editor and a frame has been laid out with it (wall clock, measured by this process
 *       around the child's whole life up to its READY line); plainly, and with a class-data archive
 *       and C1 only, as a launcher can start it;
 *   <li>note switch: opening a note that is not open until a frame shows its text;
 *   <li>keystroke: a typed character in the middle of a ~200 KB note — the event's handling
 *       (highlighting, queuing the splice) and until the next frame has laid it out;
 *   <li>quick switcher: from a query being typed to its results in the list, and the fuzzy match
 *       alone.
 * </ul>
 *
 * Wall-clock figures include whatever else the machine is doing; {@code fx_thread_cpu} is the CPU
 * time the FX thread spent from the input to the end of the frame's layout, and {@code process_cpu}
 * the start-up's CPU time (all threads), which load does not inflate.
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
    out.put("start_to_first_frame", startups(List.of()));
    // The same with the two start-up settings a launcher can pass: an application class-data
    // archive (classes pre-parsed and verified; made by one run with -XX:ArchiveClassesAtExit)
    // and C1 only (no C2 compiling while the window is being built).
    Path archive = dir.resolve("rhizome.jsa");
    probe(List.of("-XX:ArchiveClassesAtExit=" + archive));
    out.put(
        "start_to_first_frame_cds_c1",
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

  /** Fresh JVMs, one after another; the first warms the OS file cache and is reported apart. */
  private Map<String, Object> startups(List<String> jvmOptions) throws Exception {
    Percentiles wall = new Percentiles();
    Percentiles cpu = new Percentiles();
    Percentiles firstFrame = new Percentiles();
    long first = -1;
    for (int i = 0; i <= starts; i++) {
      long t0 = System.nanoTime();
      long[] t = probe(jvmOptions);
      long elapsed = System.nanoTime() - t0;
      progress.printf(
          "start %d: %.0f ms (child: first frame %d ms and ready %d ms since its JVM started, %d ms"
              + " CPU)%n",
          i, elapsed / 1e6, t[2], t[0], t[1]);
      if (i == 0) {
        first = elapsed;
      } else {
        wall.add(elapsed);
        cpu.add(t[1] * 1_000_000);
        firstFrame.add(t[2] * 1_000_000);
      }
    }
    Map<String, Object> out = wall.summaryMillis();
    out.put("first_run_ms", Percentiles.ms(first));
    out.put("process_cpu", cpu.summaryMillis());
    // The empty window (theme, size, place) on screen, timed from the child JVM's start: what a
    // person sees first while the workspace opens.
    out.put("first_frame_since_jvm_start", firstFrame.summaryMillis());
    return out;
  }

  /**
   * {ms since the child's JVM started, the child's CPU ms} at its READY line, and the ms since its
   * JVM started to its first frame.
   */
  private long[] probe(List<String> jvmOptions) throws Exception {
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
            "bench",
            "ui-probe",
            dir.toString()));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("READY ")) {
          String[] parts = line.substring(6).strip().split(" ");
          p.waitFor(STEP_TIMEOUT_S, TimeUnit.SECONDS);
          return new long[] {
            Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])
          };
        }
      }
    } finally {
      if (!p.waitFor(STEP_TIMEOUT_S, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    throw new IllegalStateException(
        "the probe exited with " + p.exitValue() + " before its window was ready");
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
