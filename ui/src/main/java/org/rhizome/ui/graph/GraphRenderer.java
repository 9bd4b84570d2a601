package org.rhizome.ui.graph;

import java.util.Arrays;
import java.util.BitSet;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.jspecify.annotations.Nullable;

/**
 * Composes a frame of the graph: the newest raster of edges and nodes (from {@link
 * GraphRasterizer}) moved — and, while the zoom differs, resampled — from the camera it was drawn
 * with to the current one; on top, what must follow the pointer at once (the hovered or selected
 * node's links, the emphasised nodes); then the labels, with level of detail: only where they are
 * readable (hubs first as they grow on screen, every node when zoomed in), always for emphasised
 * and matching nodes, never overlapping. The frame is built in a pixel buffer and reaches the
 * canvas as one image, because JavaFX's software pipeline scales images and draws text far too
 * slowly for this many.
 *
 * <p>FX thread only.
 */
final class GraphRenderer {
  /** A node gets its label once it is at least this big on screen (radius, px). */
  private static final double LABEL_RADIUS_PX = 6;

  /** At this scale and above every visible node may have a label. */
  private static final double LABEL_ALL_SCALE = 1.3;

  private static final int MAX_LABELS = 250;
  private static final int MAX_LABEL_CHARS = 40;
  private static final double MIN_NODE_PX = 1.2;

  private final LabelSpace labelSpace = new LabelSpace();
  private final LabelSprites sprites = new LabelSprites();
  private final PixelRaster overlay = new PixelRaster();
  private @Nullable RasterRequest shown;
  private int[] shownPixels = new int[0];
  private int[] frame = new int[0];
  private @Nullable WritableImage image;

  /** What to emphasise: nodes (-1 for none) and the search matches (null: no search). */
  record Emphasis(int hovered, int selected, int centre, @Nullable BitSet matches) {
    boolean isFocused(int node) {
      return node >= 0 && (node == hovered || node == selected || node == centre);
    }
  }

  /** Takes a finished raster as the picture shown from now on. */
  void accept(RasterFrame raster) {
    RasterRequest q = raster.request();
    int n = q.width() * q.height();
    if (shownPixels.length < n) {
      shownPixels = new int[n];
    }
    System.arraycopy(raster.pixels(), 0, shownPixels, 0, n);
    shown = q;
  }

  /**
   * The layout frame of the raster on screen (what the user sees and clicks), or null before the
   * first.
   */
  @Nullable LayoutFrame shownFrame() {
    return shown == null ? null : shown.frame();
  }

  /** The request whose raster is on screen, or null before the first. */
  @Nullable RasterRequest shownRequest() {
    return shown;
  }

  void forget() {
    shown = null;
  }

  void compose(
      GraphicsContext gc,
      double width,
      double height,
      double pixelScale,
      GraphModel graph,
      Camera camera,
      GraphPalette palette,
      Emphasis emphasis) {
    RasterRequest q = shown;
    int w = Math.max(1, (int) Math.ceil(width * pixelScale));
    int h = Math.max(1, (int) Math.ceil(height * pixelScale));
    if (frame.length < w * h) {
      frame = new int[w * h];
    }
    int background = 0xFF000000 | GraphRasterizer.rgb(palette.background());
    if (q == null || q.graph() != graph) {
      Arrays.fill(frame, 0, w * h, background);
    } else {
      placeRaster(q, w, h, camera, pixelScale, background);
      overlay.wrap(frame, w, h);
      float[] x = q.frame().x();
      float[] y = q.frame().y();
      double s = camera.scale() * pixelScale;
      double ox = camera.offsetX() * pixelScale;
      double oy = camera.offsetY() * pixelScale;
      drawFocus(graph, x, y, s, ox, oy, pixelScale, palette, emphasis);
      sprites.beginFrame(palette.label(), palette.background(), pixelScale);
      drawLabels(w, h, graph, x, y, s, ox, oy, pixelScale, emphasis);
    }
    if (image == null || image.getWidth() != w || image.getHeight() != h) {
      image = new WritableImage(w, h);
    }
    image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), frame, 0, w);
    gc.drawImage(image, 0, 0, w / pixelScale, h / pixelScale);
  }

  /**
   * Copies the raster into the frame under the current camera. The raster maps layout point l to
   * device pixel l × q.scale + q.offset; the screen wants l × scale' + offset' (device pixels).
   * When only the offset differs this is a shifted copy; when the zoom differs, a nearest-pixel
   * resample, until the raster thread delivers a sharp one at the new zoom.
   */
  private void placeRaster(
      RasterRequest q, int w, int h, Camera camera, double pixelScale, int background) {
    double k = camera.scale() * pixelScale / q.scale();
    double dx = camera.offsetX() * pixelScale - q.offsetX() * k;
    double dy = camera.offsetY() * pixelScale - q.offsetY() * k;
    int sw = q.width();
    int sh = q.height();
    if (Math.abs(k - 1) < 1e-9) {
      int shiftX = (int) Math.round(dx);
      int shiftY = (int) Math.round(dy);
      for (int y = 0; y < h; y++) {
        int row = y * w;
        int sy = y - shiftY;
        if (sy < 0 || sy >= sh) {
          Arrays.fill(frame, row, row + w, background);
          continue;
        }
        int from = Math.max(0, shiftX);
        int to = Math.min(w, sw + shiftX);
        Arrays.fill(frame, row, row + Math.min(w, Math.max(0, from)), background);
        if (to > from) {
          System.arraycopy(shownPixels, sy * sw + from - shiftX, frame, row + from, to - from);
        }
        if (to < w) {
          Arrays.fill(frame, row + Math.max(0, to), row + w, background);
        }
      }
      return;
    }
    int[] columns = new int[w];
    for (int x = 0; x < w; x++) {
      int sx = (int) Math.floor((x + 0.5 - dx) / k);
      columns[x] = sx >= 0 && sx < sw ? sx : -1;
    }
    for (int y = 0; y < h; y++) {
      int sy = (int) Math.floor((y + 0.5 - dy) / k);
      int row = y * w;
      if (sy < 0 || sy >= sh) {
        Arrays.fill(frame, row, row + w, background);
        continue;
      }
      int from = sy * sw;
      for (int x = 0; x < w; x++) {
        int sx = columns[x];
        frame[row + x] = sx < 0 ? background : shownPixels[from + sx];
      }
    }
  }

  private void drawFocus(
      GraphModel graph,
      float[] x,
      float[] y,
      double s,
      double ox,
      double oy,
      double pixelScale,
      GraphPalette palette,
      Emphasis emphasis) {
    int accent = GraphRasterizer.rgb(palette.accent());
    int focus = emphasis.hovered() >= 0 ? emphasis.hovered() : emphasis.selected();
    if (focus >= 0) {
      // A hub's hundreds of links would paint over everything at full strength.
      int alpha = graph.degree[focus] > 50 ? 130 : 230;
      for (int e = 0; e < graph.edgeFrom.length; e++) {
        int a = graph.edgeFrom[e];
        int b = graph.edgeTo[e];
        if (a == focus || b == focus) {
          overlay.line(x[a] * s + ox, y[a] * s + oy, x[b] * s + ox, y[b] * s + oy, accent, alpha);
        }
      }
    }
    int background = GraphRasterizer.rgb(palette.background());
    for (int node : new int[] {emphasis.centre(), emphasis.selected(), emphasis.hovered()}) {
      if (node < 0) {
        continue;
      }
      int colour = node == emphasis.centre() ? GraphRasterizer.rgb(palette.centre()) : accent;
      double r = Math.max(MIN_NODE_PX + 2, graph.screenRadius(node, s / pixelScale)) * pixelScale;
      double cx = x[node] * s + ox;
      double cy = y[node] * s + oy;
      // The node, a gap in the background colour, and a ring: it stands out from neighbours
      // underneath.
      overlay.disc(cx, cy, r + 2 * pixelScale, r, background, 256);
      overlay.disc(cx, cy, r, 0, colour, 256);
      overlay.disc(cx, cy, r + 3.5 * pixelScale, r + 2 * pixelScale, colour, 220);
    }
  }

  private void drawLabels(
      int w,
      int h,
      GraphModel graph,
      float[] x,
      float[] y,
      double s,
      double ox,
      double oy,
      double pixelScale,
      Emphasis emphasis) {
    labelSpace.reset(w, h);
    int drawn = 0;
    // Emphasised nodes first, so they always get their place.
    for (int node : new int[] {emphasis.hovered(), emphasis.selected(), emphasis.centre()}) {
      if (node >= 0) {
        drawn += label(graph, x, y, s, ox, oy, pixelScale, node, true, true) ? 1 : 0;
      }
    }
    BitSet matches = emphasis.matches();
    double scale = s / pixelScale;
    for (int k = 0; k < graph.byDegree.length && drawn < MAX_LABELS; k++) {
      int node = graph.byDegree[k];
      if (emphasis.isFocused(node)) {
        continue;
      }
      if (matches != null) {
        if (matches.get(node)) {
          drawn += label(graph, x, y, s, ox, oy, pixelScale, node, true, false) ? 1 : 0;
        }
        continue;
      }
      if (graph.screenRadius(node, scale) < LABEL_RADIUS_PX && scale < LABEL_ALL_SCALE) {
        break; // byDegree is sorted by size: every later node is smaller still
      }
      drawn += label(graph, x, y, s, ox, oy, pixelScale, node, false, false) ? 1 : 0;
    }
  }

  private boolean label(
      GraphModel graph,
      float[] x,
      float[] y,
      double s,
      double ox,
      double oy,
      double pixelScale,
      int node,
      boolean bold,
      boolean always) {
    double r = Math.max(MIN_NODE_PX, graph.screenRadius(node, s / pixelScale)) * pixelScale;
    double cx = x[node] * s + ox;
    double top = y[node] * s + oy + r + 2 * pixelScale;
    if (cx < -200 * pixelScale
        || cx > overlayWidth() + 200 * pixelScale
        || top < -20
        || top > overlayHeight()) {
      return false;
    }
    String text = graph.titles[node];
    if (text.length() > MAX_LABEL_CHARS) {
      text = text.substring(0, MAX_LABEL_CHARS - 1) + "…";
    }
    // Claim the place with an estimate of the width, before paying for a sprite that might not fit.
    double estimate = text.length() * 6.6 * pixelScale;
    if (!labelSpace.claim(cx - estimate / 2, top, estimate, 15 * pixelScale) && !always) {
      return false;
    }
    LabelSprites.Sprite sprite = sprites.get(text, bold, always);
    if (sprite == null) {
      return false;
    }
    overlay.blit(
        sprite.pixels(),
        sprite.width(),
        sprite.height(),
        (int) Math.round(cx - sprite.width() / 2.0),
        (int) Math.round(top));
    return true;
  }

  private int overlayWidth() {
    return overlay.width();
  }

  private int overlayHeight() {
    return overlay.height();
  }
}
