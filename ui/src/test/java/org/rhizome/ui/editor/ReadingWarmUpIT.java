package org.rhizome.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rhizome.ui.shell.UiHarness.onFx;
import static org.rhizome.ui.shell.UiHarness.runFx;
import static org.rhizome.ui.shell.UiHarness.waitFor;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.ui.shell.UiHarness;

/**
 * The reading view's warm-up waits for the window to be left alone: while keys keep coming it does
 * not start (its rendering thread is not there), and once they stop it runs and finishes; once a
 * reading view exists, a warm-up asked for does nothing.
 */
class ReadingWarmUpIT {
  @TempDir Path dir;

  @Test
  void waitsForAQuietWindowAndIsSkippedOnceAReadingViewExists() throws Exception {
    try (UiHarness ui = UiHarness.start(dir, ws -> ws.createNote("", "A", "Text."))) {
      // Typing without a pause of 2 s for 4 s: no warm-up starts (the session's own included).
      runFx(ReadingWarmUp::forgetReadingViews);
      runFx(() -> key(ui));
      int before = ReadingWarmUp.STARTED.get();
      CompletableFuture<Void> asked = onFx(() -> ReadingWarmUp.start(ui.session().context()));
      long end = System.nanoTime() + 4_000_000_000L;
      while (System.nanoTime() < end) {
        runFx(() -> key(ui));
        assertThat(ReadingWarmUp.STARTED.get())
            .as("no warm-up while the person types")
            .isEqualTo(before);
        assertThat(asked).isNotDone();
        Thread.sleep(250);
      }
      // Left alone: it runs, to the end.
      asked.get(UiHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS);

      // A reading view made: a warm-up asked for now finishes without rendering anything.
      runFx(ReadingWarmUp::webView);
      int after = ReadingWarmUp.STARTED.get();
      CompletableFuture<Void> again = onFx(() -> ReadingWarmUp.start(ui.session().context()));
      waitFor("skipped", again::isDone);
      assertThat(again).isCompleted();
      assertThat(ReadingWarmUp.STARTED.get()).isEqualTo(after);
    }
  }

  private static void key(UiHarness ui) {
    Event.fireEvent(
        ui.session().stage().getScene().getRoot(),
        new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.SHIFT, true, false, false, false));
  }
}
