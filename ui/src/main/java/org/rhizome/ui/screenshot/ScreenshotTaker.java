package org.rhizome.ui.screenshot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.rhizome.ui.shell.DesktopSession;
import org.rhizome.ui.workbench.ThemeChoice;

/**
 * Takes each {@link Shot} in light and in dark: prepares the window, snapshots its scene (so
 * pickers in the overlay are in the picture), writes a PNG. Call from a thread other than the FX
 * thread; it waits for each step.
 */
public final class ScreenshotTaker {
  static final long STEP_TIMEOUT_SECONDS = 30;

  private ScreenshotTaker() {}

  /** Takes the shots and returns the files written. */
  public static List<Path> take(DesktopSession session, List<Shot> shots, Path outDir)
      throws Exception {
    Files.createDirectories(outDir);
    List<Path> written = new ArrayList<>();
    for (ThemeChoice theme : List.of(ThemeChoice.LIGHT, ThemeChoice.DARK)) {
      onFx(() -> session.context().settings().theme().set(theme));
      for (Shot shot : shots) {
        onFx(() -> session.window().overlay().hide());
        CompletableFuture<CompletableFuture<?>> started = new CompletableFuture<>();
        Platform.runLater(() -> started.complete(shot.prepare().apply(session)));
        started
            .get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)
            .get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Screenshots.settled(session, 250).get();
        WritableImage image = onFxResult(() -> session.stage().getScene().snapshot(null));
        Path file =
            outDir.resolve(
                shot.name() + "-" + theme.name().toLowerCase(java.util.Locale.ROOT) + ".png");
        write(image, file);
        written.add(file);
      }
    }
    return written;
  }

  private static void write(WritableImage image, Path file) throws IOException {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    PixelReader pixels = image.getPixelReader();
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      pixels.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
      out.setRGB(0, y, w, 1, row, 0, w);
    }
    if (!ImageIO.write(out, "png", file.toFile())) {
      throw new IOException("no PNG writer for " + file);
    }
  }

  private static void onFx(Runnable r) throws Exception {
    onFxResult(
        () -> {
          r.run();
          return null;
        });
  }

  private static <T> T onFxResult(java.util.concurrent.Callable<T> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            result.complete(work.call());
          } catch (Throwable t) {
            result.completeExceptionally(t);
          }
        });
    return result.get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
