package org.rhizome.ui.shell;

import javafx.geometry.Insets;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/**
 * The window's first frame: the outline of the window to come (menu bar, sidebar, editor, status
 * bar) in plain colours of the light or dark theme. Made of layout regions only, with no style
 * sheet and no control, so showing it loads neither AtlantaFX's theme (a large style sheet to
 * parse) nor JavaFX's own, nor any control's skin: it is on screen a few milliseconds after the
 * toolkit started, while the workspace opens and the real window's classes load.
 */
public final class StartSkeleton {
  /** Colours of AtlantaFX's Primer theme (the default family): background, sidebar, lines. */
  static final Color LIGHT_BACKGROUND = Color.web("#ffffff");

  static final Color LIGHT_SIDEBAR = Color.web("#f6f8fa");
  static final Color LIGHT_LINE = Color.web("#d0d7de");
  static final Color DARK_BACKGROUND = Color.web("#0d1117");
  static final Color DARK_SIDEBAR = Color.web("#161b22");
  static final Color DARK_LINE = Color.web("#30363d");

  /** Heights of the menu and status bars and the sidebar's share, as the built window has them. */
  public static final double MENU_HEIGHT = 28;

  static final double STATUS_HEIGHT = 24;

  private StartSkeleton() {}

  /**
   * The skeleton's root, style classes {@code rhizome-root}, {@code window-starting} and {@code
   * light}/{@code dark} (which the real window's style sheet would also give it).
   *
   * @param sidebarShare the sidebar's width as a share of the window's (the last session's divider,
   *     or NaN for the default)
   */
  static StackPane build(boolean dark, double sidebarShare) {
    Color background = dark ? DARK_BACKGROUND : LIGHT_BACKGROUND;
    Color side = sidebar(dark);
    Color line = dark ? DARK_LINE : LIGHT_LINE;
    Region menu = strip(side, line, new BorderWidths(0, 0, 1, 0));
    menu.setPrefHeight(MENU_HEIGHT);
    Region status = strip(side, line, new BorderWidths(1, 0, 0, 0));
    status.setPrefHeight(STATUS_HEIGHT);
    Region sidebar = strip(side, line, new BorderWidths(0, 1, 0, 0));
    double share = Double.isNaN(sidebarShare) || sidebarShare <= 0 ? 0.2 : sidebarShare;
    BorderPane frame = new BorderPane();
    frame.setTop(menu);
    frame.setBottom(status);
    frame.setLeft(sidebar);
    sidebar.prefWidthProperty().bind(frame.widthProperty().multiply(Math.min(share, 0.5)));
    StackPane root = new StackPane(frame);
    root.setBackground(fill(background));
    root.getStyleClass().addAll("rhizome-root", DesktopSession.STARTING, dark ? "dark" : "light");
    return root;
  }

  /** The sidebar's colour: what a probe looks for on screen to know the frame was painted. */
  public static Color sidebar(boolean dark) {
    return dark ? DARK_SIDEBAR : LIGHT_SIDEBAR;
  }

  private static Region strip(Color color, Color line, BorderWidths widths) {
    Region r = new Region();
    r.setBackground(fill(color));
    r.setBorder(
        new Border(new BorderStroke(line, BorderStrokeStyle.SOLID, CornerRadii.EMPTY, widths)));
    return r;
  }

  private static Background fill(Color color) {
    return new Background(new BackgroundFill(color, CornerRadii.EMPTY, Insets.EMPTY));
  }
}
