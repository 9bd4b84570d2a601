package org.rhizome.graph.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a replica has: for each actor, the highest seq such that it holds all of that actor's
 * changes 1..seq. Immutable; actors with seq 0 are not stored. Peers compare vectors to catch up.
 */
public final class VersionVector {
  public static final VersionVector EMPTY = new VersionVector(new TreeMap<>());

  private final TreeMap<ActorId, Long> seqs;

  private VersionVector(TreeMap<ActorId, Long> seqs) {
    this.seqs = seqs;
  }

  public static VersionVector of(Map<ActorId, Long> seqs) {
    TreeMap<ActorId, Long> copy = new TreeMap<>();
    seqs.forEach(
        (actor, seq) -> {
          Objects.requireNonNull(actor, "actor");
          if (seq < 0) {
            throw new IllegalArgumentException("negative seq for " + actor);
          }
          if (seq > 0) {
            copy.put(actor, seq);
          }
        });
    return new VersionVector(copy);
  }

  /** The highest contiguous seq held from {@code actor}; 0 when none. */
  public long get(ActorId actor) {
    return seqs.getOrDefault(actor, 0L);
  }

  public boolean includes(ActorId actor, long seq) {
    return get(actor) >= seq;
  }

  /** True when every entry of {@code other} is covered by this vector. */
  public boolean dominates(VersionVector other) {
    for (Map.Entry<ActorId, Long> e : other.seqs.entrySet()) {
      if (get(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  public VersionVector with(ActorId actor, long seq) {
    TreeMap<ActorId, Long> copy = new TreeMap<>(seqs);
    if (seq == 0) {
      copy.remove(actor);
    } else {
      copy.put(actor, seq);
    }
    return new VersionVector(copy);
  }

  public VersionVector without(ActorId actor) {
    if (!seqs.containsKey(actor)) {
      return this;
    }
    TreeMap<ActorId, Long> copy = new TreeMap<>(seqs);
    copy.remove(actor);
    return new VersionVector(copy);
  }

  /** Entries in ascending actor order. */
  public Map<ActorId, Long> asMap() {
    return Collections.unmodifiableMap(seqs);
  }

  public int size() {
    return seqs.size();
  }

  public boolean isEmpty() {
    return seqs.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VersionVector v && v.seqs.equals(seqs);
  }

  @Override
  public int hashCode() {
    return seqs.hashCode();
  }

  @Override
  public String toString() {
    return seqs.toString();
  }
}
