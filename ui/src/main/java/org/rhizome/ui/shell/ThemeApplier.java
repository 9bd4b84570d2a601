package org.rhizome.ui.shell;

import javafx.application.Application;
import javafx.scene.Scene;
import org.rhizome.ui.workbench.Settings;
import org.rhizome.ui.workbench.ThemeChoice;

/**
 * Puts the chosen AtlantaFX theme on the application and marks the scene's root {@code light} or
 * {@code dark} for our own style sheet. Follows the settings as they change. FX thread only.
 */
public final class ThemeApplier {
  private final Settings settings;
  private final boolean systemIsDark;
  private final Scene scene;

  /**
   * @param systemIsDark the OS's appearance, asked once at start (off the FX thread)
   */
  public ThemeApplier(Settings settings, boolean systemIsDark, Scene scene) {
    this.settings = settings;
    this.systemIsDark = systemIsDark;
    this.scene = scene;
    settings.theme().addListener((obs, old, now) -> apply());
    settings.themeFamily().addListener((obs, old, now) -> apply());
    apply();
  }

  public boolean isDark() {
    return isDark(settings, systemIsDark);
  }

  /** Whether {@code settings} ask for the dark variant, given the OS's appearance. */
  static boolean isDark(Settings settings, boolean systemIsDark) {
    ThemeChoice choice = settings.theme().get();
    return choice == ThemeChoice.DARK || (choice == ThemeChoice.SYSTEM && systemIsDark);
  }

  /**
   * Switches light ↔ dark (the "Toggle dark mode" command): the choice stops following the system.
   */
  public void toggle() {
    settings.theme().set(isDark() ? ThemeChoice.LIGHT : ThemeChoice.DARK);
  }

  private void apply() {
    boolean dark = isDark();
    Application.setUserAgentStylesheet(
        settings.themeFamily().get().variant(dark).getUserAgentStylesheet());
    var classes = scene.getRoot().getStyleClass();
    classes.removeAll("light", "dark");
    classes.add(dark ? "dark" : "light");
  }
}
