package org.rhizome.ui.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.query.GraphView;
import org.rhizome.graph.query.NoteRef;

/**
 * A graph of notes indexed by position, as the layout and the renderer want it: parallel arrays of
 * souls and titles, edges as pairs of node indices, each node's degree, and the nodes ordered from
 * best to least connected (labels are placed in that order). Immutable; built on a background
 * thread.
 */
final class GraphModel {
  final Soul[] souls;
  final String[] titles;
  final int[] edgeFrom;
  final int[] edgeTo;
  final int[] degree;
  final int[] byDegree;
  final boolean truncated;
  private static final float MAX_RADIUS = 24f;
  private final Map<Soul, Integer> indexOf;

  private GraphModel(
      Soul[] souls,
      String[] titles,
      int[] edgeFrom,
      int[] edgeTo,
      boolean truncated,
      Map<Soul, Integer> indexOf) {
    this.souls = souls;
    this.titles = titles;
    this.edgeFrom = edgeFrom;
    this.edgeTo = edgeTo;
    this.truncated = truncated;
    this.indexOf = indexOf;
    this.degree = new int[souls.length];
    for (int e = 0; e < edgeFrom.length; e++) {
      degree[edgeFrom[e]]++;
      degree[edgeTo[e]]++;
    }
    this.byDegree =
        java.util.stream.IntStream.range(0, souls.length)
            .boxed()
            .sorted(
                (a, b) ->
                    degree[a] != degree[b]
                        ? Integer.compare(degree[b], degree[a])
                        : titles[a].compareTo(titles[b]))
            .mapToInt(Integer::intValue)
            .toArray();
  }

  /** The engine's view as arrays; edges whose ends are not both in the view are left out. */
  static GraphModel of(GraphView view) {
    List<NoteRef> nodes = view.nodes();
    Soul[] souls = new Soul[nodes.size()];
    String[] titles = new String[nodes.size()];
    Map<Soul, Integer> indexOf = new HashMap<>(nodes.size() * 2);
    for (int i = 0; i < souls.length; i++) {
      souls[i] = nodes.get(i).soul();
      titles[i] = nodes.get(i).title();
      indexOf.put(souls[i], i);
    }
    int[] from = new int[view.edges().size()];
    int[] to = new int[from.length];
    int n = 0;
    for (GraphView.Edge e : view.edges()) {
      Integer a = indexOf.get(e.from());
      Integer b = indexOf.get(e.to());
      if (a != null && b != null && !a.equals(b)) {
        from[n] = a;
        to[n] = b;
        n++;
      }
    }
    return new GraphModel(
        souls,
        titles,
        java.util.Arrays.copyOf(from, n),
        java.util.Arrays.copyOf(to, n),
        view.truncated(),
        indexOf);
  }

  int size() {
    return souls.length;
  }

  /** The node's index, or -1 when the note is not in this graph. */
  int indexOf(Soul soul) {
    return indexOf.getOrDefault(soul, -1);
  }

  /** The node's radius in layout units: grows with the square root of its degree, up to a cap. */
  float radius(int node) {
    return Math.min(MAX_RADIUS, 3f + 1.5f * (float) Math.sqrt(degree[node]));
  }

  /**
   * The node's radius on screen (px) at camera scale {@code scale}. Zooming out shrinks nodes with
   * the layout; zooming in spreads the layout but grows nodes only slowly, so a hub never covers
   * its neighbourhood.
   */
  double screenRadius(int node, double scale) {
    double grow = scale <= 1 ? scale : 1 + (scale - 1) * 0.3;
    return radius(node) * grow;
  }
}
