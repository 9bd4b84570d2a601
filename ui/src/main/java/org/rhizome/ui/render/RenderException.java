package org.rhizome.ui.render;

/** Rendering could not read what a note links to (the store failed); the page is not half-made. */
public final class RenderException extends RuntimeException {
  public RenderException(String message, Throwable cause) {
    super(message, cause);
  }
}
