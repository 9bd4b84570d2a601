package org.rhizome.app.cli.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.rhizome.app.gui.GuiUnavailableException;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.editor.ReadingViewProbe;
import org.rhizome.ui.editor.ReadingWarmUp;
import org.rhizome.ui.settings.SettingsStore;
import org.rhizome.ui.shell.Pulses;
import org.rhizome.ui.workbench.AppContext;
import org.rhizome.ui.workbench.BackgroundExecutor;
import org.rhizome.ui.workbench.CommandRegistry;
import org.rhizome.ui.workbench.ErrorReporter;

/**
 * {@code rhizome bench render --webview}: the reading view itself in a window, timed as a person
 * waits for it — from switching a big note's tab to reading (the render in the background, the page
 * written, WebView loading it and running its scripts) until the next frame after the page has
 * loaded (the start of the note on screen); then until the whole note is in the page. Before it,
 * the app's warm-up ({@link ReadingWarmUp}) as the app runs it once its window shows, unless cold.
 */
final class ReadingViewBench {
  private static final long TIMEOUT_SECONDS = 120;

  private ReadingViewBench() {}

  static Map<String, Object> run(
      Workspace ws, Soul soul, String big, IntFunction<String> edit, int runs, boolean warmUp)
      throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      Platform.startup(() -> {});
    } catch (RuntimeException e) {
      throw new GuiUnavailableException(
          "Cannot open a window for the reading view ("
              + e.getMessage()
              + "). On a machine without a display, run it under xvfb-run -a.",
          e);
    }
    ErrorReporter errors = new ErrorReporter();
    try (BackgroundExecutor background = new BackgroundExecutor(errors)) {
      AppContext context =
          new AppContext(
              ws,
              background,
              errors,
              new CommandRegistry(),
              SettingsStore.fromProperties(new Properties()));
      StackPane root = new StackPane();
      CompletableFuture<Scene> shown = new CompletableFuture<>();
      Platform.runLater(
          () -> {
            Stage stage = new Stage();
            Scene scene = new Scene(root, 1000, 800);
            stage.setScene(scene);
            stage.show();
            shown.complete(scene);
          });
      Scene scene = shown.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (warmUp) {
        long wall = System.nanoTime();
        long cpu = processCpu();
        onFx(() -> ReadingWarmUp.startNow(context)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        out.put("webview_warm_up_ms", (System.nanoTime() - wall) / 1e6);
        out.put("webview_warm_up_process_cpu_ms", (processCpu() - cpu) / 1e6);
      }
      // Switching to reading: the tab makes its reading view (and WebView) then shows the note.
      long wall = System.nanoTime();
      long cpu = processCpu();
      ReadingViewProbe probe =
          onFx(() -> {
                ReadingViewProbe p = new ReadingViewProbe(context, soul);
                root.getChildren().setAll(p.node());
                return CompletableFuture.completedFuture(p);
              })
              .get();
      double made = (System.nanoTime() - wall) / 1e6;
      onFx(() -> probe.show(big, false).thenCompose(v -> Pulses.next(scene)))
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      out.put("webview_first_ms", (System.nanoTime() - wall) / 1e6);
      out.put("webview_first_process_cpu_ms", (processCpu() - cpu) / 1e6);
      out.put("webview_first_making_view_ms", made);
      onFx(probe::whole).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      out.put("webview_first_whole_note_ms", (System.nanoTime() - wall) / 1e6);
      out.put("webview_first_whole_note_process_cpu_ms", (processCpu() - cpu) / 1e6);
      double[] walls = new double[runs];
      double[] cpus = new double[runs];
      for (int i = 0; i < runs; i++) {
        String text = edit.apply(i);
        long w = System.nanoTime();
        long c = processCpu();
        onFx(() -> probe.show(text, false).thenCompose(v -> Pulses.next(scene)))
            .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        walls[i] = (System.nanoTime() - w) / 1e6;
        cpus[i] = (processCpu() - c) / 1e6;
      }
      out.put("webview_later_median_ms", median(walls));
      out.put("webview_later_median_process_cpu_ms", median(cpus));
      onFx(() -> {
            probe.close();
            return CompletableFuture.completedFuture(null);
          })
          .get();
    } finally {
      Platform.exit();
    }
    return out;
  }

  /** Runs {@code work} on the FX thread; the future it returns, flattened. */
  private static <T> CompletableFuture<T> onFx(
      java.util.function.Supplier<CompletableFuture<T>> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            work.get()
                .whenComplete(
                    (v, e) -> {
                      if (e != null) {
                        result.completeExceptionally(e);
                      } else {
                        result.complete(v);
                      }
                    });
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    return result;
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
