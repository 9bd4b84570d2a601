package org.rhizome.ui.graph;

/** How a layout run went: ticks so far, and ms from the start of the layout until it (last) settled. */
public record LayoutStats(int ticks, double elapsedMillis) {}
