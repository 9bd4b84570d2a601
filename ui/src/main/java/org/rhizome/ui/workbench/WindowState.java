package org.rhizome.ui.workbench;

/**
 * The main window's geometry and its panes' widths. NaN position means "let the system place it".
 *
 * @param sidebarDivider position of the sidebar/editor divider (0..1)
 * @param infoDivider position of the editor/right pane divider (0..1)
 */
public record WindowState(
    double x,
    double y,
    double width,
    double height,
    boolean maximized,
    double sidebarDivider,
    double infoDivider) {
  public static final WindowState DEFAULT =
      new WindowState(Double.NaN, Double.NaN, 1280, 800, false, 0.2, 0.76);

  public WindowState {
    width = Math.max(480, finiteOr(width, DEFAULT_WIDTH));
    height = Math.max(320, finiteOr(height, DEFAULT_HEIGHT));
    sidebarDivider = clampDivider(sidebarDivider, 0.2);
    infoDivider = clampDivider(infoDivider, 0.76);
  }

  private static final double DEFAULT_WIDTH = 1280;
  private static final double DEFAULT_HEIGHT = 800;

  public boolean hasPosition() {
    return Double.isFinite(x) && Double.isFinite(y);
  }

  private static double finiteOr(double v, double fallback) {
    return Double.isFinite(v) ? v : fallback;
  }

  private static double clampDivider(double v, double fallback) {
    return Double.isFinite(v) && v > 0.02 && v < 0.98 ? v : fallback;
  }
}
