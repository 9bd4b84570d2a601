package org.rhizome.app.gui;

/** JavaFX could not start: no display, or a missing native library. */
public final class GuiUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public GuiUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
