package org.rhizome.app.cli;

import java.io.PrintWriter;
import org.rhizome.graph.vault.VaultProgress;

/**
 * A one-line progress bar on a terminal ({@code [#####-----] notes 3000/10000 2100/s}), redrawn at
 * most ten times a second; prints nothing when stderr is not a terminal. Called from the importer's
 * thread only.
 */
final class ProgressBar implements VaultProgress {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final boolean enabled;
  private String phase = "";
  private long phaseStart;
  private long lastDraw;
  private boolean drawn;

  ProgressBar(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  @Override
  public void update(String newPhase, long done, long total) {
    if (!enabled || total == 0) {
      return;
    }
    long now = System.nanoTime();
    if (!newPhase.equals(phase)) {
      if (drawn) {
        err.print('\n');
      }
      phase = newPhase;
      phaseStart = now;
      lastDraw = 0;
    }
    if (done > 0 && done < total && now - lastDraw < 100_000_000L) {
      return;
    }
    lastDraw = now;
    int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
    double seconds = Math.max(1e-3, (now - phaseStart) / 1e9);
    err.printf(
        "\r[%s%s] %-11s %d/%d  %.0f/s ",
        "#".repeat(filled), "-".repeat(WIDTH - filled), phase, done, total, done / seconds);
    err.flush();
    drawn = true;
  }

  /** Ends the bar's line. */
  void finish() {
    if (enabled && drawn) {
      err.println();
      err.flush();
    }
  }
}
