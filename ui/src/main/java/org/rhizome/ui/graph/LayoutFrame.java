package org.rhizome.ui.graph;

/**
 * Node positions at one moment of the layout (layout units, indexed like the {@link GraphModel}),
 * published by the layout thread and drawn by the FX thread. The arrays are never written after
 * publication.
 */
record LayoutFrame(float[] x, float[] y, boolean settled, int tick) {}
