package org.rhizome.graph;

import java.util.List;
import org.rhizome.graph.change.Change;

/** Changes that were just committed to the workspace, in commit order; {@code local} when made on this device. */
public record ChangeEvent(List<Change> changes, boolean local) {}
