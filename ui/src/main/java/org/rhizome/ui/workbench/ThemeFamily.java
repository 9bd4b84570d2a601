package org.rhizome.ui.workbench;

import atlantafx.base.theme.NordDark;
import atlantafx.base.theme.NordLight;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;

/** The AtlantaFX theme family: each has a light and a dark variant. */
public enum ThemeFamily {
  PRIMER("Primer", new PrimerLight(), new PrimerDark()),
  NORD("Nord", new NordLight(), new NordDark());

  private final String label;
  private final Theme light;
  private final Theme dark;

  ThemeFamily(String label, Theme light, Theme dark) {
    this.label = label;
    this.light = light;
    this.dark = dark;
  }

  public Theme variant(boolean isDark) {
    return isDark ? dark : light;
  }

  @Override
  public String toString() {
    return label;
  }
}
