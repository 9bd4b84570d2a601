package org.rhizome.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.query.GraphView;
import org.rhizome.graph.query.NoteRef;

class ForceLayoutTest {
  /** Two clusters of {@code size} nodes, densely linked inside, joined by one link. */
  private static GraphModel twoClusters(int size) {
    List<NoteRef> nodes = new ArrayList<>();
    List<GraphView.Edge> edges = new ArrayList<>();
    Random random = new Random(3);
    for (int i = 0; i < 2 * size; i++) {
      nodes.add(new NoteRef(new Soul("n" + i), "N" + i, 0, 0, ""));
    }
    for (int c = 0; c < 2; c++) {
      for (int k = 0; k < size * 3; k++) {
        int a = c * size + random.nextInt(size);
        int b = c * size + random.nextInt(size);
        if (a != b) {
          edges.add(new GraphView.Edge(new Soul("n" + a), new Soul("n" + b)));
        }
      }
    }
    edges.add(new GraphView.Edge(new Soul("n0"), new Soul("n" + size)));
    return GraphModel.of(new GraphView(nodes, edges, false));
  }

  @Test
  void settlesWithinThreeHundredTicksAndKeepsClustersApart() {
    int size = 60;
    ForceLayout layout = new ForceLayout(twoClusters(size));
    int ticks = 0;
    while (!layout.isSettled() && ticks < 1000) {
      layout.tick();
      ticks++;
    }
    assertThat(ticks).isBetween(250, 350);
    LayoutFrame f = layout.positions();
    double inside = meanDistance(f, 0, size, 0, size);
    double across = meanDistance(f, 0, size, size, 2 * size);
    assertThat(across).isGreaterThan(1.5 * inside);
  }

  @Test
  void pinnedNodeStaysWhereItIsHeld() {
    ForceLayout layout = new ForceLayout(twoClusters(20));
    layout.pin(5, 1000, -400);
    for (int i = 0; i < 50; i++) {
      layout.tick();
    }
    LayoutFrame f = layout.positions();
    assertThat(f.x()[5]).isEqualTo(1000f);
    assertThat(f.y()[5]).isEqualTo(-400f);
    assertThat(layout.isSettled()).isFalse();
    layout.release();
    for (int i = 0; i < 400 && !layout.isSettled(); i++) {
      layout.tick();
    }
    assertThat(layout.isSettled()).isTrue();
  }

  @Test
  void barnesHutRepulsionIsCloseToTheExactSum() {
    Random random = new Random(9);
    int n = 500;
    float[] x = new float[n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextFloat() * 1000;
      y[i] = random.nextFloat() * 1000;
    }
    QuadTree tree = new QuadTree();
    tree.build(x, y, n);
    for (int i = 0; i < n; i += 37) {
      float[] vx = new float[n];
      float[] vy = new float[n];
      tree.repel(i, x, y, vx, vy, -1f, 0.81f);
      double ex = 0;
      double ey = 0;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          double dx = x[j] - x[i];
          double dy = y[j] - y[i];
          double d2 = Math.max(1, dx * dx + dy * dy);
          ex -= dx / d2;
          ey -= dy / d2;
        }
      }
      double error = Math.hypot(vx[i] - ex, vy[i] - ey);
      assertThat(error).isLessThan(0.15 * Math.hypot(ex, ey) + 1e-3);
    }
  }

  @Test
  void coincidentNodesAreSeparated() {
    List<NoteRef> nodes = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      nodes.add(new NoteRef(new Soul("s" + i), "S" + i, 0, 0, ""));
    }
    ForceLayout layout = new ForceLayout(GraphModel.of(new GraphView(nodes, List.of(), false)));
    for (int i = 0; i < 300; i++) {
      layout.tick();
    }
    LayoutFrame f = layout.positions();
    for (int i = 0; i < 30; i++) {
      assertThat(Float.isFinite(f.x()[i]) && Float.isFinite(f.y()[i])).isTrue();
    }
    assertThat(meanDistance(f, 0, 30, 0, 30)).isGreaterThan(10);
  }

  private static double meanDistance(LayoutFrame f, int a0, int a1, int b0, int b1) {
    double sum = 0;
    int count = 0;
    for (int i = a0; i < a1; i++) {
      for (int j = b0; j < b1; j++) {
        if (i != j) {
          sum += Math.hypot(f.x()[i] - f.x()[j], f.y()[i] - f.y()[j]);
          count++;
        }
      }
    }
    return sum / count;
  }
}
