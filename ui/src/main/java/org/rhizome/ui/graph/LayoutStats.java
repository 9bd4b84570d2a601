package org.rhizome.ui.graph;

/**
 * How a layout run went: ticks so far, ms from the start of the layout until it (last) settled, and
 * the CPU time the layout thread spent on it (which, unlike the elapsed time, does not grow when
 * other programs compete for the processor).
 */
public record LayoutStats(int ticks, double elapsedMillis, double cpuMillis) {}
