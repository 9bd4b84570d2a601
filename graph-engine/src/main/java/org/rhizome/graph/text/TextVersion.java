package org.rhizome.graph.text;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.rhizome.graph.model.ActorId;

/**
 * A point in a text's history: for each actor, how many of its events (counters 0 .. n-1) are
 * included. Immutable; actors with 0 are not stored. Unlike the engine's change {@link
 * org.rhizome.graph.model.VersionVector}, this counts text events, not changes.
 */
public final class TextVersion {
  public static final TextVersion EMPTY = new TextVersion(new TreeMap<>());

  private final TreeMap<ActorId, Long> counts;

  private TextVersion(TreeMap<ActorId, Long> counts) {
    this.counts = counts;
  }

  public static TextVersion of(Map<ActorId, Long> counts) {
    TreeMap<ActorId, Long> copy = new TreeMap<>();
    counts.forEach(
        (actor, n) -> {
          Objects.requireNonNull(actor, "actor");
          if (n < 0 || n > TextId.MAX_SEQ + 1) {
            throw new IllegalArgumentException("event count out of range for " + actor + ": " + n);
          }
          if (n > 0) {
            copy.put(actor, n);
          }
        });
    return new TextVersion(copy);
  }

  /** How many events of {@code actor} are included. */
  public long get(ActorId actor) {
    return counts.getOrDefault(actor, 0L);
  }

  /** True when the event {@code id} is included. */
  public boolean includes(TextId id) {
    return id.seq() < get(id.actor());
  }

  /** This version with {@code actor}'s count set to {@code n}. */
  public TextVersion with(ActorId actor, long n) {
    TreeMap<ActorId, Long> copy = new TreeMap<>(counts);
    copy.put(actor, n);
    return of(copy);
  }

  /**
   * This version extended to include every event of {@code op} (and so, by the actor's counters,
   * all of that actor's earlier events). Folding this over the ops of the changes in a change's
   * causal past gives the text version at that change.
   */
  public TextVersion including(TextOp op) {
    long end = op.id().seq() + op.length();
    return end <= get(op.id().actor()) ? this : with(op.id().actor(), end);
  }

  /** Entries in ascending actor order. */
  public Map<ActorId, Long> asMap() {
    return Collections.unmodifiableMap(counts);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TextVersion v && v.counts.equals(counts);
  }

  @Override
  public int hashCode() {
    return counts.hashCode();
  }

  @Override
  public String toString() {
    return counts.toString();
  }
}
