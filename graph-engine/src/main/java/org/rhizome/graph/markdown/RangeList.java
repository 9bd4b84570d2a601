package org.rhizome.graph.markdown;

import java.util.Arrays;

/**
 * A set of half-open ranges {@code [start, end)} over the input, kept sorted and merged so that
 * scanners can walk the gaps between them in one linear pass.
 */
final class RangeList {

  /** Collects ranges in any order; {@link #build()} sorts and merges them. */
  static final class Builder {
    private long[] packed = new long[16];
    private int size;

    Builder add(int start, int end) {
      if (end > start) {
        if (size == packed.length) {
          packed = Arrays.copyOf(packed, size * 2);
        }
        packed[size++] = ((long) start << 32) | end;
      }
      return this;
    }

    Builder addAll(RangeList other) {
      for (int i = 0; i < other.size(); i++) {
        add(other.start(i), other.end(i));
      }
      return this;
    }

    RangeList build() {
      long[] sorted = Arrays.copyOf(packed, size);
      Arrays.sort(sorted);
      int[] starts = new int[size];
      int[] ends = new int[size];
      int count = 0;
      for (long range : sorted) {
        int start = (int) (range >>> 32);
        int end = (int) range;
        if (count > 0 && start <= ends[count - 1]) {
          ends[count - 1] = Math.max(ends[count - 1], end);
        } else {
          starts[count] = start;
          ends[count] = end;
          count++;
        }
      }
      return new RangeList(starts, ends, count);
    }
  }

  /** Receives one gap between ranges. */
  @FunctionalInterface
  interface GapVisitor {
    void visit(int start, int end);
  }

  private final int[] starts;
  private final int[] ends;
  private final int size;

  private RangeList(int[] starts, int[] ends, int size) {
    this.starts = starts;
    this.ends = ends;
    this.size = size;
  }

  int size() {
    return size;
  }

  int start(int index) {
    return starts[index];
  }

  int end(int index) {
    return ends[index];
  }

  /** True if some range covers {@code offset}. */
  boolean contains(int offset) {
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (ends[mid] <= offset) {
        lo = mid + 1;
      } else if (starts[mid] > offset) {
        hi = mid - 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /**
   * Calls {@code visitor} for each non-empty part of {@code [from, to)} not covered by a range, in
   * order.
   */
  void forEachGap(int from, int to, GapVisitor visitor) {
    int pos = from;
    for (int i = 0; i < size && pos < to; i++) {
      if (ends[i] <= pos) {
        continue;
      }
      int gapEnd = Math.min(starts[i], to);
      if (gapEnd > pos) {
        visitor.visit(pos, gapEnd);
      }
      pos = Math.max(pos, ends[i]);
    }
    if (pos < to) {
      visitor.visit(pos, to);
    }
  }
}
