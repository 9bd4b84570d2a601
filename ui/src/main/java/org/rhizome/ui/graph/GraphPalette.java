package org.rhizome.ui.graph;

import javafx.scene.paint.Color;

/**
 * The colours the graph is drawn in, taken from the theme through CSS (see {@code graph.css}), so
 * the graph follows the light and dark AtlantaFX themes.
 */
record GraphPalette(
    Color background, Color edge, Color node, Color accent, Color centre, Color label) {}
