package org.rhizome.graph.query;

import java.util.List;
import org.rhizome.graph.model.Soul;

/**
 * Notes and the links between them, for the graph view. {@code truncated} when a size cap was hit.
 */
public record GraphView(List<NoteRef> nodes, List<Edge> edges, boolean truncated) {
  public record Edge(Soul from, Soul to) {}
}
