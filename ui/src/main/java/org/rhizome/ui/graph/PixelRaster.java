package org.rhizome.ui.graph;

import java.util.Arrays;

/**
 * An opaque ARGB pixel buffer with the few anti-aliased primitives the graph needs: lines (Xiaolin
 * Wu's algorithm, clipped to the buffer) and filled discs and rings. JavaFX's canvas rasterises
 * vector paths on the render thread, which with tens of thousands of edges takes hundreds of
 * milliseconds per frame on the software pipeline; these loops draw the same picture in a few.
 * Because every pixel stays opaque, the buffer is also valid premultiplied ARGB.
 *
 * <p>Not thread-safe; one thread draws into it at a time.
 */
final class PixelRaster {
  private int width;
  private int height;
  private int[] pixels = new int[0];

  /**
   * Draws into {@code buffer} (or a bigger one if it is too small) as {@code w × h} pixels, filled
   * with {@code rgb}.
   */
  void use(int[] buffer, int w, int h, int rgb) {
    pixels = buffer.length >= w * h ? buffer : new int[w * h];
    width = w;
    height = h;
    Arrays.fill(pixels, 0, w * h, 0xFF000000 | rgb);
  }

  /** Draws into {@code buffer} as {@code w × h} pixels, as they are. */
  void wrap(int[] buffer, int w, int h) {
    pixels = buffer;
    width = w;
    height = h;
  }

  /** Draws a premultiplied ARGB sprite with its top left corner at (x, y), over what is there. */
  void blit(int[] sprite, int sw, int sh, int x, int y) {
    int fromX = Math.max(0, -x);
    int fromY = Math.max(0, -y);
    int toX = Math.min(sw, width - x);
    int toY = Math.min(sh, height - y);
    for (int j = fromY; j < toY; j++) {
      int src = j * sw;
      int dst = (y + j) * width + x;
      for (int i = fromX; i < toX; i++) {
        int s = sprite[src + i];
        int a = s >>> 24;
        if (a == 0) {
          continue;
        }
        if (a == 255) {
          pixels[dst + i] = s;
          continue;
        }
        int d = pixels[dst + i];
        int inv = 255 - a;
        int rb = (s & 0xFF00FF) + ((((d & 0xFF00FF) * inv) >>> 8) & 0xFF00FF);
        int g = (s & 0x00FF00) + ((((d & 0x00FF00) * inv) >>> 8) & 0x00FF00);
        pixels[dst + i] = 0xFF000000 | rb | g;
      }
    }
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  int[] pixels() {
    return pixels;
  }

  /**
   * Blends {@code rgb} over pixel (x, y) with opacity {@code alpha} (0–256); off-buffer pixels are
   * ignored.
   */
  private void blend(int x, int y, int rgb, int alpha) {
    if (x < 0 || y < 0 || x >= width || y >= height || alpha <= 0) {
      return;
    }
    int i = y * width + x;
    if (alpha >= 256) {
      pixels[i] = 0xFF000000 | rgb;
      return;
    }
    int d = pixels[i];
    int inv = 256 - alpha;
    int r = (((rgb >> 16) & 0xFF) * alpha + ((d >> 16) & 0xFF) * inv) >> 8;
    int g = (((rgb >> 8) & 0xFF) * alpha + ((d >> 8) & 0xFF) * inv) >> 8;
    int b = ((rgb & 0xFF) * alpha + (d & 0xFF) * inv) >> 8;
    pixels[i] = 0xFF000000 | r << 16 | g << 8 | b;
  }

  /** The clipped line's ends, set by {@link #clip}. */
  private double ax;

  private double ay;
  private double bx;
  private double by;

  /**
   * Liang–Barsky clipping to the buffer, so an edge reaching far off screen costs only its visible
   * part. False when nothing of the line is inside; else the inside part is in ax, ay, bx, by.
   */
  private boolean clip(double x0, double y0, double x1, double y1) {
    double dx = x1 - x0;
    double dy = y1 - y0;
    double t0 = 0;
    double t1 = 1;
    for (int k = 0; k < 4; k++) {
      double p =
          switch (k) {
            case 0 -> -dx;
            case 1 -> dx;
            case 2 -> -dy;
            default -> dy;
          };
      double q =
          switch (k) {
            case 0 -> x0;
            case 1 -> width - 1 - x0;
            case 2 -> y0;
            default -> height - 1 - y0;
          };
      if (p == 0) {
        if (q < 0) {
          return false;
        }
      } else {
        double t = q / p;
        if (p < 0) {
          t0 = Math.max(t0, t);
        } else {
          t1 = Math.min(t1, t);
        }
      }
    }
    if (t0 > t1) {
      return false;
    }
    ax = x0 + t0 * dx;
    ay = y0 + t0 * dy;
    bx = x0 + t1 * dx;
    by = y0 + t1 * dy;
    return true;
  }

  /**
   * A one-pixel line without anti-aliasing, {@code alpha} 0–256: one blend per pixel instead of
   * two, for the many edges of a big graph seen from afar, where they overlap anyway.
   */
  void fastLine(double x0, double y0, double x1, double y1, int rgb, int alpha) {
    if (!clip(x0, y0, x1, y1)) {
      return;
    }
    double dx = bx - ax;
    double dy = by - ay;
    int steps = (int) Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)));
    double sx = steps == 0 ? 0 : dx / steps;
    double sy = steps == 0 ? 0 : dy / steps;
    // Red and blue blend together in one multiply, green in another.
    int srcRb = (rgb & 0xFF00FF) * alpha;
    int srcG = (rgb & 0x00FF00) * alpha;
    int inv = 256 - alpha;
    double x = ax + 0.5;
    double y = ay + 0.5;
    int[] px = pixels;
    int w = width;
    for (int i = 0; i <= steps; i++, x += sx, y += sy) {
      int at = (int) y * w + (int) x;
      int d = px[at];
      int rb = ((srcRb + (d & 0xFF00FF) * inv) >>> 8) & 0xFF00FF;
      int g = ((srcG + (d & 0x00FF00) * inv) >>> 8) & 0x00FF00;
      px[at] = 0xFF000000 | rb | g;
    }
  }

  /** An anti-aliased line of about one pixel, {@code alpha} 0–256. */
  void line(double x0, double y0, double x1, double y1, int rgb, int alpha) {
    if (!clip(x0, y0, x1, y1)) {
      return;
    }
    double ax = this.ax;
    double ay = this.ay;
    double bx = this.bx;
    double by = this.by;
    if (Math.abs(bx - ax) >= Math.abs(by - ay)) {
      if (ax > bx) {
        double s = ax;
        ax = bx;
        bx = s;
        s = ay;
        ay = by;
        by = s;
      }
      double gradient = bx == ax ? 0 : (by - ay) / (bx - ax);
      int from = (int) Math.round(ax);
      int to = (int) Math.round(bx);
      double y = ay + gradient * (from - ax);
      for (int x = from; x <= to; x++, y += gradient) {
        int yi = (int) Math.floor(y);
        int f = (int) ((y - yi) * 256);
        blend(x, yi, rgb, (alpha * (256 - f)) >> 8);
        blend(x, yi + 1, rgb, (alpha * f) >> 8);
      }
    } else {
      if (ay > by) {
        double s = ax;
        ax = bx;
        bx = s;
        s = ay;
        ay = by;
        by = s;
      }
      double gradient = (bx - ax) / (by - ay);
      int from = (int) Math.round(ay);
      int to = (int) Math.round(by);
      double x = ax + gradient * (from - ay);
      for (int y = from; y <= to; y++, x += gradient) {
        int xi = (int) Math.floor(x);
        int f = (int) ((x - xi) * 256);
        blend(xi, y, rgb, (alpha * (256 - f)) >> 8);
        blend(xi + 1, y, rgb, (alpha * f) >> 8);
      }
    }
  }

  /**
   * An anti-aliased disc of radius {@code r} centred on (cx, cy); with {@code inner} &gt; 0, a ring
   * between {@code inner} and {@code r}. Discs under a pixel become one blended pixel.
   */
  void disc(double cx, double cy, double r, double inner, int rgb, int alpha) {
    if (r < 0.75) {
      blend(
          (int) Math.floor(cx),
          (int) Math.floor(cy),
          rgb,
          (int) (alpha * Math.min(1, r * r * 3.2)));
      return;
    }
    int x0 = Math.max(0, (int) Math.floor(cx - r - 1));
    int x1 = Math.min(width - 1, (int) Math.ceil(cx + r + 1));
    int y0 = Math.max(0, (int) Math.floor(cy - r - 1));
    int y1 = Math.min(height - 1, (int) Math.ceil(cy + r + 1));
    double fullOut = (r - 0.5) * (r - 0.5);
    double emptyOut = (r + 0.5) * (r + 0.5);
    double fullIn = inner > 0 ? (inner + 0.5) * (inner + 0.5) : -1;
    double emptyIn = inner > 0 ? Math.max(0, inner - 0.5) * Math.max(0, inner - 0.5) : -1;
    for (int y = y0; y <= y1; y++) {
      double dy = y + 0.5 - cy;
      for (int x = x0; x <= x1; x++) {
        double dx = x + 0.5 - cx;
        double d2 = dx * dx + dy * dy;
        if (d2 >= emptyOut || d2 <= emptyIn) {
          continue;
        }
        double cover = 1;
        if (d2 > fullOut || d2 < fullIn) {
          double d = Math.sqrt(d2);
          cover = Math.min(1, Math.max(0, r + 0.5 - d));
          if (inner > 0) {
            cover = Math.min(cover, Math.min(1, Math.max(0, d - inner + 0.5)));
          }
        }
        blend(x, y, rgb, (int) (alpha * cover));
      }
    }
  }
}
