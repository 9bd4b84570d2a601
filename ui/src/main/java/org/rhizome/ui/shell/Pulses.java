package org.rhizome.ui.shell;

import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Waiting for the next frame: used by the benchmark and screenshots to know a change is on screen.
 */
public final class Pulses {
  private Pulses() {}

  /**
   * Completes (on the FX thread) at the end of the next pulse's layout pass, after which that pulse
   * renders. Call on the FX thread.
   */
  public static CompletableFuture<Long> next(Scene scene) {
    CompletableFuture<Long> done = new CompletableFuture<>();
    Runnable[] listener = new Runnable[1];
    listener[0] =
        () -> {
          scene.removePostLayoutPulseListener(listener[0]);
          done.complete(System.nanoTime());
        };
    scene.addPostLayoutPulseListener(listener[0]);
    Platform.requestNextPulse();
    return done;
  }
}
