package org.rhizome.ui.graph;

import java.util.Arrays;

/**
 * A Barnes–Hut quadtree over the node positions, rebuilt every layout tick: repulsion between all
 * pairs of nodes then costs O(n log n) instead of O(n²), by treating a far cell as one body at its
 * centre of mass (when cell size / distance &lt; theta). Flat arrays, no allocation per tick once
 * grown. Confined to the layout thread.
 */
final class QuadTree {
  /** Points this close together share a leaf instead of splitting forever. */
  private static final int MAX_DEPTH = 24;

  /** Closer than this, two bodies push as if they were this far apart (no infinite forces). */
  private static final float MIN_DISTANCE2 = 1f;

  private int[] child = new int[64];
  private int[] firstPoint = new int[64];
  private float[] cellSize = new float[64];
  private float[] massX = new float[64];
  private float[] massY = new float[64];
  private int[] mass = new int[64];
  private int[] nextPoint = new int[0];
  private int[] stack = new int[256];
  private int cells;

  /** The positions being inserted, during {@link #build} only. */
  private float[] xs = new float[0];

  private float[] ys = new float[0];
  private float x0;
  private float y0;

  /** Rebuilds the tree over the first {@code n} points. */
  void build(float[] x, float[] y, int n) {
    float minX = Float.POSITIVE_INFINITY;
    float minY = Float.POSITIVE_INFINITY;
    float maxX = Float.NEGATIVE_INFINITY;
    float maxY = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      minX = Math.min(minX, x[i]);
      minY = Math.min(minY, y[i]);
      maxX = Math.max(maxX, x[i]);
      maxY = Math.max(maxY, y[i]);
    }
    if (nextPoint.length < n) {
      nextPoint = new int[n];
    }
    xs = x;
    ys = y;
    x0 = minX;
    y0 = minY;
    cells = 0;
    allocate(Math.max(1f, Math.max(maxX - minX, maxY - minY)) * 1.0001f);
    for (int i = 0; i < n; i++) {
      insert(i, x[i], y[i]);
    }
    // Children are allocated after their parent, so one backward pass sums masses bottom-up.
    for (int c = cells - 1; c >= 0; c--) {
      float sx = 0;
      float sy = 0;
      int m = 0;
      if (child[c] < 0) {
        for (int p = firstPoint[c]; p >= 0; p = nextPoint[p]) {
          sx += x[p];
          sy += y[p];
          m++;
        }
      } else {
        for (int k = 0; k < 4; k++) {
          int ch = child[c] + k;
          sx += massX[ch] * mass[ch];
          sy += massY[ch] * mass[ch];
          m += mass[ch];
        }
      }
      mass[c] = m;
      massX[c] = m == 0 ? 0 : sx / m;
      massY[c] = m == 0 ? 0 : sy / m;
    }
  }

  private void insert(int p, float px, float py) {
    int c = 0;
    float cx = x0;
    float cy = y0;
    int depth = 0;
    while (true) {
      float half = cellSize[c] / 2;
      if (child[c] >= 0) {
        int q = (px >= cx + half ? 1 : 0) + (py >= cy + half ? 2 : 0);
        cx += (q & 1) != 0 ? half : 0;
        cy += (q & 2) != 0 ? half : 0;
        c = child[c] + q;
        depth++;
        continue;
      }
      int resident = firstPoint[c];
      if (resident < 0 || depth >= MAX_DEPTH) {
        nextPoint[p] = resident;
        firstPoint[c] = p;
        return;
      }
      int first = allocate(half);
      for (int k = 1; k < 4; k++) {
        allocate(half);
      }
      child[c] = first;
      firstPoint[c] = -1;
      int q = quadrantOf(resident, cx, cy, half);
      firstPoint[first + q] = resident;
    }
  }

  private int quadrantOf(int p, float cx, float cy, float half) {
    return (xs[p] >= cx + half ? 1 : 0) + (ys[p] >= cy + half ? 2 : 0);
  }

  private int allocate(float size) {
    if (cells == child.length) {
      int grown = cells * 2;
      child = Arrays.copyOf(child, grown);
      firstPoint = Arrays.copyOf(firstPoint, grown);
      cellSize = Arrays.copyOf(cellSize, grown);
      massX = Arrays.copyOf(massX, grown);
      massY = Arrays.copyOf(massY, grown);
      mass = Arrays.copyOf(mass, grown);
    }
    child[cells] = -1;
    firstPoint[cells] = -1;
    cellSize[cells] = size;
    return cells++;
  }

  /**
   * Adds to {@code vx[i], vy[i]} the repulsion of every other point on point {@code i}: {@code
   * strength * alpha / d²} along the line between them ({@code strength} &lt; 0 pushes apart).
   */
  void repel(int i, float[] x, float[] y, float[] vx, float[] vy, float strength, float theta2) {
    float xi = x[i];
    float yi = y[i];
    float fx = 0;
    float fy = 0;
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
      int c = stack[--top];
      if (mass[c] == 0) {
        continue;
      }
      if (child[c] < 0) {
        for (int p = firstPoint[c]; p >= 0; p = nextPoint[p]) {
          if (p == i) {
            continue;
          }
          float dx = x[p] - xi;
          float dy = y[p] - yi;
          if (dx == 0 && dy == 0) {
            // Coincident points: a fixed nudge that depends on the pair, so the run stays
            // deterministic.
            dx = ((i * 31 + p) % 7 - 3) * 1e-3f + 1e-3f;
            dy = ((i * 17 + p) % 5 - 2) * 1e-3f;
          }
          float d2 = Math.max(MIN_DISTANCE2, dx * dx + dy * dy);
          fx += dx * strength / d2;
          fy += dy * strength / d2;
        }
        continue;
      }
      float dx = massX[c] - xi;
      float dy = massY[c] - yi;
      float d2 = dx * dx + dy * dy;
      float s = cellSize[c];
      if (s * s < theta2 * d2) {
        float w = strength * mass[c] / Math.max(MIN_DISTANCE2, d2);
        fx += dx * w;
        fy += dy * w;
      } else {
        if (top + 4 > stack.length) {
          stack = Arrays.copyOf(stack, stack.length * 2);
        }
        for (int k = 0; k < 4; k++) {
          stack[top++] = child[c] + k;
        }
      }
    }
    vx[i] += fx;
    vy[i] += fy;
  }
}
