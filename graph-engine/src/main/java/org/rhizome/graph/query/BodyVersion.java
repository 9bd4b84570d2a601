package org.rhizome.graph.query;

import org.rhizome.graph.clock.Hlc;
import org.rhizome.graph.model.ActorId;

/**
 * One version of a note's body as a person counts them (see {@link EditGrouping}): the edits from
 * {@code first} to {@code last} by one author, its size in words against the version before, and
 * whether it restored an older version. {@link #last()} names the text it ends with (for {@code
 * bodyAt} and {@code restoreBody}).
 */
public record BodyVersion(
    TextVersionInfo first, TextVersionInfo last, int edits, WordDelta words, boolean restore) {

  public ActorId author() {
    return last.author();
  }

  /** When its first edit was made (ms since the epoch). */
  public long startedAt() {
    return Hlc.millis(first.hlc());
  }

  /** When its last edit was made (ms since the epoch): the version's time. */
  public long endedAt() {
    return Hlc.millis(last.hlc());
  }
}
