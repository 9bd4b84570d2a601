package org.rhizome.app.cli.common;

import java.io.PrintWriter;
import org.rhizome.graph.vault.VaultProgress;

/**
 * A one-line progress bar on a terminal ({@code [#####-----] notes 3000/10000 2100/s}), or a count
 * when the total is not known ({@code changes 12000 2100/s}), redrawn at most ten times a second;
 * prints nothing when disabled (stderr not a terminal, or {@code --json}: see {@link #forCommand}).
 * Called from one thread at a time.
 */
public final class ProgressBar implements VaultProgress {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final boolean enabled;
  private String phase = "";
  private long phaseStart;
  private long lastDraw;
  private boolean drawn;

  public ProgressBar(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  /** On the command's stderr, drawn only there is a terminal and the command prints no JSON. */
  public static ProgressBar forCommand(CliContext cli) {
    return new ProgressBar(cli.err(), !cli.isJson() && cli.stderrIsTerminal());
  }

  @Override
  public synchronized void update(String newPhase, long done, long total) {
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

  /** A count of {@code done} so far with its rate, for work whose total is not known. */
  public synchronized void count(String newPhase, long done) {
    if (!enabled) {
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
    if (now - lastDraw < 100_000_000L) {
      return;
    }
    lastDraw = now;
    double seconds = Math.max(1e-3, (now - phaseStart) / 1e9);
    err.printf("\r%-11s %d  %.0f/s ", phase, done, done / seconds);
    err.flush();
    drawn = true;
  }

  /** Ends the bar's line. */
  public synchronized void finish() {
    if (enabled && drawn) {
      err.println();
      err.flush();
    }
  }
}
