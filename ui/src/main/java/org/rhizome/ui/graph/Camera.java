package org.rhizome.ui.graph;

/** The view onto the layout: screen = layout × scale + offset. FX thread only. */
public final class Camera {
  static final double MIN_SCALE = 0.02;
  static final double MAX_SCALE = 8;

  private double scale = 1;
  private double offsetX;
  private double offsetY;

  public double scale() {
    return scale;
  }

  double offsetX() {
    return offsetX;
  }

  double offsetY() {
    return offsetY;
  }

  double toScreenX(double x) {
    return x * scale + offsetX;
  }

  double toScreenY(double y) {
    return y * scale + offsetY;
  }

  double toLayoutX(double sx) {
    return (sx - offsetX) / scale;
  }

  double toLayoutY(double sy) {
    return (sy - offsetY) / scale;
  }

  /** Moves the view by (dx, dy) screen pixels. */
  public void panBy(double dx, double dy) {
    offsetX += dx;
    offsetY += dy;
  }

  /** Zooms by {@code factor} keeping the layout point under screen (sx, sy) where it is. */
  public void zoomAt(double factor, double sx, double sy) {
    double next = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
    double lx = toLayoutX(sx);
    double ly = toLayoutY(sy);
    scale = next;
    offsetX = sx - lx * scale;
    offsetY = sy - ly * scale;
  }

  /** Centres layout point (x, y) in a viewport of the given size, at the current scale. */
  void centreOn(double x, double y, double width, double height) {
    offsetX = width / 2 - x * scale;
    offsetY = height / 2 - y * scale;
  }

  /** Shows the whole frame in a viewport of the given size, with a margin. */
  void fit(LayoutFrame frame, double width, double height) {
    float[] x = frame.x();
    float[] y = frame.y();
    if (x.length == 0 || width <= 0 || height <= 0) {
      return;
    }
    float minX = Float.POSITIVE_INFINITY;
    float minY = Float.POSITIVE_INFINITY;
    float maxX = Float.NEGATIVE_INFINITY;
    float maxY = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      minX = Math.min(minX, x[i]);
      minY = Math.min(minY, y[i]);
      maxX = Math.max(maxX, x[i]);
      maxY = Math.max(maxY, y[i]);
    }
    double margin = 40;
    double w = Math.max(1, maxX - minX);
    double h = Math.max(1, maxY - minY);
    scale =
        Math.max(
            MIN_SCALE, Math.min(2, Math.min((width - 2 * margin) / w, (height - 2 * margin) / h)));
    centreOn((minX + maxX) / 2.0, (minY + maxY) / 2.0, width, height);
  }
}
