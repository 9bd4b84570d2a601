package org.rhizome.graph.merge;

import java.util.Arrays;

/**
 * The HAM-style last-writer-wins rule for one field, as a pure function. The greater clock wins; on
 * equal clocks the greater canonical value bytes (unsigned, lexicographic) win; on equal values the
 * greater actor id wins. This is a total order on field states, so merging is commutative,
 * associative and idempotent: replicas that saw the same changes agree whatever the order.
 */
public final class FieldMerge {
  private FieldMerge() {}

  /**
   * True when {@code candidate} replaces {@code current}; false when it loses or is the same state.
   */
  public static boolean wins(FieldState candidate, FieldState current) {
    return compare(candidate, current) > 0;
  }

  public static int compare(FieldState a, FieldState b) {
    int c = Long.compare(a.hlc(), b.hlc());
    if (c != 0) {
      return c;
    }
    c = Arrays.compareUnsigned(a.value(), b.value());
    if (c != 0) {
      return c;
    }
    return a.actor().compareTo(b.actor());
  }

  public static FieldState merge(FieldState a, FieldState b) {
    return compare(a, b) >= 0 ? a : b;
  }
}
