/**
 * The graph view ({@link org.rhizome.ui.graph.NoteGraphView}): notes as nodes, links as edges, laid
 * out by a Barnes–Hut force layout on its own thread and drawn on a canvas with level of detail.
 * How it stays smooth with tens of thousands of nodes is written down in docs/graph-view.md.
 */
@NullMarked
package org.rhizome.ui.graph;

import org.jspecify.annotations.NullMarked;
