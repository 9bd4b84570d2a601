package org.rhizome.ui.workbench;

/** Light or dark: chosen, or following the operating system's setting. */
public enum ThemeChoice {
  SYSTEM("Follow the system"),
  LIGHT("Light"),
  DARK("Dark");

  private final String label;

  ThemeChoice(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
