package org.rhizome.ui.graph;

/**
 * A finished raster: the request it answers and its pixels (premultiplied ARGB, {@code width ×
 * height}).
 */
record RasterFrame(RasterRequest request, int[] pixels, long rasterNanos) {}
