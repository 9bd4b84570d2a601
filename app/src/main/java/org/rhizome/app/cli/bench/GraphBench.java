package org.rhizome.app.cli.bench;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.rhizome.app.gui.GuiUnavailableException;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.query.GraphView;
import org.rhizome.ui.graph.LayoutStats;
import org.rhizome.ui.graph.NoteGraphView;

/**
 * The graph view benchmark: a synthetic workspace of N notes (the engine benchmark's generator),
 * the global graph view in a 1280×800 window, and three figures — reading the graph, laying it out
 * until it settles, and the frame rate, both while the layout runs and afterwards while the camera
 * keeps zooming and panning (so every frame is redrawn). Frame rate is counted from JavaFX pulses,
 * which the FX thread only starts once the previous frame has been rendered.
 */
final class GraphBench {
  private static final int BATCH = 1000;
  private static final long LAYOUT_TIMEOUT_S = 300;

  private final int notes;
  private final int seconds;
  private final boolean dark;
  private final Path snapshot;
  private final Path dir;
  private final PrintStream progress;

  GraphBench(int notes, int seconds, boolean dark, Path snapshot, Path dir, PrintStream progress) {
    this.notes = notes;
    this.seconds = seconds;
    this.dark = dark;
    this.snapshot = snapshot;
    this.dir = dir;
    this.progress = progress;
  }

  Map<String, Object> run() throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("notes", notes);
    try (Workspace ws =
        Workspace.open(dir.resolve("bench.db"), DeviceKey.generate(new SecureRandom()))) {
      generate(ws);
      Percentiles query = new Percentiles();
      GraphView graph = null;
      for (int i = 0; i < 5; i++) {
        long t0 = System.nanoTime();
        graph = ws.wholeGraph(NoteGraphView.MAX_GLOBAL_NODES);
        query.add(System.nanoTime() - t0);
      }
      out.put("links", graph.edges().size());
      out.put("read_graph", query.summaryMillis());
      startFx();
      ExecutorService background =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "rhizome-bench-loader");
                t.setDaemon(true);
                return t;
              });
      try {
        measure(ws, background, out, graph);
      } finally {
        background.shutdownNow();
        Platform.exit();
      }
    }
    return out;
  }

  private void generate(Workspace ws) throws Exception {
    SyntheticVault vault = new SyntheticVault(notes, 42);
    CompletableFuture<?> inFlight = null;
    for (int from = 0; from < notes; from += BATCH) {
      List<String[]> batch = new ArrayList<>(BATCH);
      for (int i = from; i < Math.min(notes, from + BATCH); i++) {
        batch.add(new String[] {vault.title(i), vault.body(i)});
      }
      if (inFlight != null) {
        inFlight.get();
      }
      inFlight = ws.createNotesAsync(batch);
      progress.printf("created %,d / %,d notes%n", from, notes);
    }
    inFlight.get();
  }

  private static void startFx() throws GuiUnavailableException {
    try {
      Platform.startup(() -> {});
    } catch (RuntimeException e) {
      throw new GuiUnavailableException(
          "Cannot open a window for the graph benchmark ("
              + e.getMessage()
              + "). On a machine without a display, run it under xvfb-run -a.",
          e);
    }
  }

  private void measure(
      Workspace ws, ExecutorService background, Map<String, Object> out, GraphView graph)
      throws Exception {
    FrameRecorder layoutFrames = new FrameRecorder();
    CompletableFuture<LayoutStats> settled = new CompletableFuture<>();
    CompletableFuture<NoteGraphView> shown = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          Application.setUserAgentStylesheet(
              dark
                  ? new PrimerDark().getUserAgentStylesheet()
                  : new PrimerLight().getUserAgentStylesheet());
          NoteGraphView view = new NoteGraphView(ws, background, soul -> {});
          view.layoutStatsProperty()
              .addListener(
                  (obs, old, stats) -> {
                    if (stats != null) {
                      settled.complete(stats);
                    }
                  });
          Stage stage = new Stage();
          stage.setTitle("Rhizome graph benchmark");
          stage.setScene(new Scene(view, 1280, 800));
          stage.show();
          layoutFrames.start(view, false);
          view.showGlobal();
          shown.complete(view);
        });
    NoteGraphView view = shown.get(30, TimeUnit.SECONDS);
    progress.println("laying out…");
    LayoutStats stats = settled.get(LAYOUT_TIMEOUT_S, TimeUnit.SECONDS);
    CompletableFuture<Map<String, Object>> layoutSummary = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          layoutFrames.stop();
          layoutSummary.complete(layoutFrames.summary());
        });
    out.put("layout_ms", Math.round(stats.elapsedMillis()));
    out.put("layout_ticks", stats.ticks());
    out.put("layout_ms_per_tick", Math.round(stats.elapsedMillis() / stats.ticks() * 100) / 100.0);
    out.put("layout_cpu_ms", Math.round(stats.cpuMillis()));
    out.put("layout_cpu_ms_per_tick", Math.round(stats.cpuMillis() / stats.ticks() * 100) / 100.0);
    out.put("during_layout", layoutSummary.get(10, TimeUnit.SECONDS));
    if (snapshot != null) {
      saveSnapshot(view, snapshot);
      // Zoomed in, where labels appear, and with a search highlighting notes.
      Platform.runLater(
          () -> {
            view.camera().zoomAt(5, view.getWidth() / 2, view.getHeight() / 2);
            view.cameraMoved();
          });
      Thread.sleep(2500);
      saveSnapshot(view, sibling(snapshot, "-zoomed"));
      Platform.runLater(() -> view.setHighlight("zen"));
      Thread.sleep(2500);
      saveSnapshot(view, sibling(snapshot, "-search"));
      // The best connected note selected: its links in the accent colour.
      Platform.runLater(
          () -> {
            view.setHighlight("");
            view.select(graph.nodes().get(bestConnected(graph)).soul());
          });
      Thread.sleep(1500);
      saveSnapshot(view, sibling(snapshot, "-selected"));
      Platform.runLater(
          () -> {
            view.select(null);
            view.camera().zoomAt(0.2, view.getWidth() / 2, view.getHeight() / 2);
            view.cameraMoved();
          });
    }

    progress.printf("measuring frames for %d s…%n", seconds);
    FrameRecorder frames = new FrameRecorder();
    Platform.runLater(() -> frames.start(view, true));
    Thread.sleep(seconds * 1000L);
    CompletableFuture<Map<String, Object>> summary = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          frames.stop();
          summary.complete(frames.summary());
        });
    out.put("zoom_and_pan", summary.get(10, TimeUnit.SECONDS));
    out.put("window", "1280x800");
    out.put("pipeline", Platform.isSupported(ConditionalFeature.SCENE3D) ? "hardware" : "software");
  }

  private static int bestConnected(GraphView graph) {
    Map<org.rhizome.graph.model.Soul, Integer> degree = new java.util.HashMap<>();
    for (GraphView.Edge e : graph.edges()) {
      degree.merge(e.from(), 1, Integer::sum);
      degree.merge(e.to(), 1, Integer::sum);
    }
    int best = 0;
    for (int i = 0; i < graph.nodes().size(); i++) {
      if (degree.getOrDefault(graph.nodes().get(i).soul(), 0)
          > degree.getOrDefault(graph.nodes().get(best).soul(), 0)) {
        best = i;
      }
    }
    return best;
  }

  private static Path sibling(Path file, String suffix) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return file.resolveSibling(
        dot < 0 ? name + suffix : name.substring(0, dot) + suffix + name.substring(dot));
  }

  private void saveSnapshot(NoteGraphView view, Path file) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            ImageIO.write(toBufferedImage(view.getScene().snapshot(null)), "png", file.toFile());
            done.complete(null);
          } catch (Exception e) {
            done.completeExceptionally(e);
          }
        });
    done.get(30, TimeUnit.SECONDS);
  }

  private static BufferedImage toBufferedImage(WritableImage image) {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] argb = new int[w * h];
    image
        .getPixelReader()
        .getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    out.setRGB(0, 0, w, h, argb, 0, w);
    return out;
  }

  /** Threads whose CPU time is measured (by name prefix), and their names in the output. */
  private static final String[] CPU_THREADS = {
    "JavaFX Application Thread", "QuantumRenderer", "rhizome-graph-raster"
  };

  private static final String[] CPU_NAMES = {"fx_thread", "javafx_renderer", "raster_thread"};

  /** For each measured thread alive now: {which of CPU_THREADS, CPU ns so far}, by thread id. */
  private static Map<Long, long[]> cpuByThread() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<Long, long[]> out = new java.util.HashMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      for (int i = 0; i < CPU_THREADS.length; i++) {
        long ns = mx.getThreadCpuTime(t.getId());
        if (t.getName().startsWith(CPU_THREADS[i]) && ns >= 0) {
          out.put(t.getId(), new long[] {i, ns});
        }
      }
    }
    return out;
  }

  /**
   * CPU ns each kind of thread used since {@code start} (threads started since count from zero).
   */
  private static long[] cpuSince(Map<Long, long[]> start) {
    long[] used = new long[CPU_THREADS.length];
    for (Map.Entry<Long, long[]> now : cpuByThread().entrySet()) {
      long[] before = start.get(now.getKey());
      used[(int) now.getValue()[0]] += now.getValue()[1] - (before == null ? 0 : before[1]);
    }
    return used;
  }

  /**
   * Counts pulses and the view's draw time; with {@code moveCamera}, zooms and pans a little every
   * pulse. FX thread only.
   */
  private static final class FrameRecorder {
    private final Percentiles intervals = new Percentiles();
    private final Percentiles draws = new Percentiles();
    private final Percentiles rasters = new Percentiles();
    private long first;
    private long last;
    private int count;
    private AnimationTimer timer;
    private Map<Long, long[]> cpuAtStart = Map.of();
    private long[] cpuUsed = new long[CPU_THREADS.length];

    void start(NoteGraphView view, boolean moveCamera) {
      timer =
          new AnimationTimer() {
            @Override
            public void handle(long now) {
              if (last != 0) {
                intervals.add(now - last);
                draws.add(view.lastDrawNanos());
                rasters.add(view.lastRasterNanos());
              } else {
                first = now;
              }
              last = now;
              count++;
              if (moveCamera) {
                double t = (now - first) / 1e9;
                double w = view.getWidth();
                double h = view.getHeight();
                view.camera().zoomAt(Math.exp(0.03 * Math.sin(t * 1.1)), w / 2, h / 2);
                view.camera().panBy(3 * Math.cos(t * 0.7), 2 * Math.sin(t * 0.9));
                view.cameraMoved();
              }
            }
          };
      cpuAtStart = cpuByThread();
      timer.start();
    }

    void stop() {
      timer.stop();
      cpuUsed = cpuSince(cpuAtStart);
    }

    Map<String, Object> summary() {
      Map<String, Object> out = new LinkedHashMap<>();
      double secs = (last - first) / 1e9;
      out.put("frames", count);
      out.put("fps", secs <= 0 ? 0 : Math.round((count - 1) / secs * 10) / 10.0);
      out.put("frame_interval", intervals.summaryMillis());
      out.put("compose_on_fx_thread", draws.summaryMillis());
      out.put("raster_on_raster_thread", rasters.summaryMillis());
      // CPU time per frame of each thread: unlike wall-clock figures, it does not grow when other
      // programs compete for the processor. The FX thread and the renderer work in a pipeline, so
      // the busier of the two bounds the frame rate.
      Map<String, Object> cpu = new LinkedHashMap<>();
      double busiest = 0;
      for (int i = 0; i < CPU_THREADS.length; i++) {
        double perFrame = count <= 1 ? 0 : cpuUsed[i] / 1e6 / (count - 1);
        cpu.put(CPU_NAMES[i], Math.round(perFrame * 100) / 100.0);
        if (i < 2) {
          busiest = Math.max(busiest, perFrame);
        }
      }
      out.put("cpu_ms_per_frame", cpu);
      out.put("cpu_bound_fps", busiest <= 0 ? 0 : Math.round(1000 / busiest * 10) / 10.0);
      return out;
    }
  }
}
