package org.rhizome.graph.query;

import org.jspecify.annotations.Nullable;
import org.rhizome.graph.model.ActorId;

/**
 * When one edit of a note's text starts a new version, as a person counts versions: after a pause
 * of a minute or more, when another device writes, at a restore (a restore is a version of its
 * own), and after ten minutes of continuous typing, so a long session still shows its stages.
 * Typing batches (one change per ~200 ms) in between join one version. Pure: no clock, no database;
 * one instance follows one note's edits, oldest first.
 */
public final class EditGrouping {
  /** A pause this long (or longer) between two edits starts a new version. */
  public static final long PAUSE_MILLIS = 60_000;

  /** A version spans at most this long from its first edit. */
  public static final long MAX_SPAN_MILLIS = 10 * 60_000;

  /**
   * One edit: who, when (ms since the epoch, from its clock) and whether it restored an old
   * version.
   */
  public record Edit(ActorId author, long millis, boolean restore) {}

  private @Nullable Edit previous;
  private long firstMillis;
  private long latestMillis;

  /**
   * Takes the next edit, in log order (causal, but not always clock order: a peer's older edit can
   * arrive later, and a step back in time is no pause); true when it starts a new version.
   */
  public boolean startsNewVersion(Edit next) {
    Edit before = previous;
    previous = next;
    boolean fresh =
        before == null
            || next.restore()
            || before.restore()
            || !next.author().equals(before.author())
            || next.millis() - latestMillis >= PAUSE_MILLIS
            || next.millis() - firstMillis >= MAX_SPAN_MILLIS;
    if (fresh) {
      firstMillis = next.millis();
      latestMillis = next.millis();
    } else {
      latestMillis = Math.max(latestMillis, next.millis());
    }
    return fresh;
  }
}
