package org.rhizome.ui.graph;

import java.util.BitSet;

/**
 * Which parts of the screen already hold a label, on a coarse grid, so labels drawn later (less
 * connected nodes) skip places where they would overlap earlier ones. Cleared each frame.
 */
final class LabelSpace {
  private static final int CELL = 8;
  private final BitSet used = new BitSet();
  private int columns;
  private int rows;

  void reset(double width, double height) {
    columns = (int) Math.ceil(width / CELL) + 1;
    rows = (int) Math.ceil(height / CELL) + 1;
    used.clear();
  }

  /** Claims the rectangle if it is free (and on screen); false when it would overlap a label. */
  boolean claim(double x, double y, double w, double h) {
    int c0 = (int) Math.floor(x / CELL);
    int r0 = (int) Math.floor(y / CELL);
    int c1 = (int) Math.floor((x + w) / CELL);
    int r1 = (int) Math.floor((y + h) / CELL);
    if (c0 < 0 || r0 < 0 || c1 >= columns || r1 >= rows) {
      return false;
    }
    for (int r = r0; r <= r1; r++) {
      int from = r * columns + c0;
      if (used.nextSetBit(from) >= 0 && used.nextSetBit(from) <= r * columns + c1) {
        return false;
      }
    }
    for (int r = r0; r <= r1; r++) {
      used.set(r * columns + c0, r * columns + c1 + 1);
    }
    return true;
  }
}
