package org.rhizome.ui.graph;

import java.util.BitSet;
import org.jspecify.annotations.Nullable;

/**
 * What the raster thread should draw: a layout frame seen through a camera (scale and offset, in
 * device pixels: the camera's times the screen's {@code pixelScale}) in a {@code width × height}
 * pixel buffer, in the given colours, with the search matches (null: no search) standing out.
 * Immutable once posted.
 */
record RasterRequest(
    GraphModel graph,
    LayoutFrame frame,
    double pixelScale,
    double scale,
    double offsetX,
    double offsetY,
    int width,
    int height,
    GraphPalette palette,
    @Nullable BitSet matches) {}
