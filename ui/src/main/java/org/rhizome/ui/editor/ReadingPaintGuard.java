package org.rhizome.ui.editor;

import java.util.Map;
import java.util.WeakHashMap;
import javafx.animation.AnimationTimer;
import javafx.scene.web.WebView;

/**
 * Keeps JavaFX pulsing for a short while after a reading view's page loaded, was patched or came on
 * screen. WebView copies what WebKit drew to the screen only during a pulse, and WebKit's last
 * repaint of a load can come after the pulses its own timers asked for; with nothing else moving in
 * the window, the page then stayed unpainted — blank — until some input (or toggling the view)
 * caused a pulse. A pulse with nothing to draw costs next to nothing. FX thread only.
 */
final class ReadingPaintGuard {
  /** How long pulses go on after the last event. */
  static final long NANOS = 700_000_000L;

  private static final Map<WebView, Timer> TIMERS = new WeakHashMap<>();

  private ReadingPaintGuard() {}

  /** Pulses for {@link #NANOS} from now (extended if already running). */
  static void after(WebView web) {
    Timer t = TIMERS.computeIfAbsent(web, w -> new Timer());
    t.until = System.nanoTime() + NANOS;
    if (!t.running) {
      t.running = true;
      t.start();
    }
  }

  private static final class Timer extends AnimationTimer {
    long until;
    boolean running;

    @Override
    public void handle(long now) {
      if (System.nanoTime() >= until) {
        running = false;
        stop();
      }
    }
  }
}
