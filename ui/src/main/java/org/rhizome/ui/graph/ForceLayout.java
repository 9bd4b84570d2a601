package org.rhizome.ui.graph;

/**
 * A force-directed layout in the manner of d3-force: every node repels every other (Barnes–Hut,
 * {@link QuadTree}), each link is a spring, a weak pull keeps components near the centre, and a
 * "temperature" {@code alpha} cools geometrically so the layout settles after about 300 ticks.
 * Nodes start on a sunflower spiral, which converges much faster than random positions.
 *
 * <p>Confined to one thread (the layout thread); others see positions only through copies ({@link
 * #positions}). Deterministic: the same graph gives the same layout.
 */
final class ForceLayout {
  static final float ALPHA_MIN = 0.001f;

  /** alpha falls from 1 to ALPHA_MIN in 300 ticks. */
  private static final float ALPHA_DECAY = (float) (1 - Math.pow(ALPHA_MIN, 1.0 / 300));

  private static final float VELOCITY_KEEP = 0.6f;
  private static final float CHARGE = -40f;
  private static final float THETA2 = 0.81f;
  private static final float LINK_DISTANCE = 36f;
  private static final float GRAVITY = 0.02f;

  private final GraphModel graph;
  private final float[] x;
  private final float[] y;
  private final float[] vx;
  private final float[] vy;
  private final float[] linkStrength;
  private final float[] linkBias;
  private final QuadTree tree = new QuadTree();
  private float alpha = 1f;
  private float alphaTarget;
  private int pinned = -1;
  private float pinX;
  private float pinY;
  private int ticks;

  ForceLayout(GraphModel graph) {
    this.graph = graph;
    int n = graph.size();
    x = new float[n];
    y = new float[n];
    vx = new float[n];
    vy = new float[n];
    double golden = Math.PI * (3 - Math.sqrt(5));
    for (int k = 0; k < n; k++) {
      // Best connected nodes in the middle of the spiral, where their neighbours will gather.
      int i = graph.byDegree[k];
      double r = 12 * Math.sqrt(0.5 + k);
      x[i] = (float) (r * Math.cos(k * golden));
      y[i] = (float) (r * Math.sin(k * golden));
    }
    int m = graph.edgeFrom.length;
    linkStrength = new float[m];
    linkBias = new float[m];
    for (int e = 0; e < m; e++) {
      int a = graph.degree[graph.edgeFrom[e]];
      int b = graph.degree[graph.edgeTo[e]];
      linkStrength[e] = 1f / Math.min(a, b);
      linkBias[e] = (float) a / (a + b);
    }
  }

  boolean isSettled() {
    return alpha < ALPHA_MIN && alphaTarget == 0 && pinned < 0;
  }

  int ticks() {
    return ticks;
  }

  /** Holds {@code node} at (px, py) and keeps the layout warm around it, until {@link #release}. */
  void pin(int node, float px, float py) {
    pinned = node;
    pinX = px;
    pinY = py;
    alphaTarget = 0.3f;
    alpha = Math.max(alpha, 0.3f);
  }

  void release() {
    pinned = -1;
    alphaTarget = 0;
  }

  /** One step of the simulation. */
  void tick() {
    ticks++;
    alpha += (alphaTarget - alpha) * ALPHA_DECAY;
    int n = graph.size();
    tree.build(x, y, n);
    float charge = CHARGE * alpha;
    for (int i = 0; i < n; i++) {
      tree.repel(i, x, y, vx, vy, charge, THETA2);
    }
    int[] from = graph.edgeFrom;
    int[] to = graph.edgeTo;
    for (int e = 0; e < from.length; e++) {
      int s = from[e];
      int t = to[e];
      float dx = x[t] + vx[t] - x[s] - vx[s];
      float dy = y[t] + vy[t] - y[s] - vy[s];
      float len = (float) Math.sqrt(dx * dx + dy * dy);
      if (len < 1e-6f) {
        continue;
      }
      float k = (len - LINK_DISTANCE) / len * alpha * linkStrength[e];
      dx *= k;
      dy *= k;
      float bias = linkBias[e];
      vx[t] -= dx * bias;
      vy[t] -= dy * bias;
      vx[s] += dx * (1 - bias);
      vy[s] += dy * (1 - bias);
    }
    float pull = GRAVITY * alpha;
    for (int i = 0; i < n; i++) {
      vx[i] -= x[i] * pull;
      vy[i] -= y[i] * pull;
      vx[i] *= VELOCITY_KEEP;
      vy[i] *= VELOCITY_KEEP;
      x[i] += vx[i];
      y[i] += vy[i];
    }
    if (pinned >= 0) {
      x[pinned] = pinX;
      y[pinned] = pinY;
      vx[pinned] = 0;
      vy[pinned] = 0;
    }
  }

  /** A copy of the current positions, safe to hand to another thread. */
  LayoutFrame positions() {
    return new LayoutFrame(x.clone(), y.clone(), isSettled(), ticks);
  }
}
