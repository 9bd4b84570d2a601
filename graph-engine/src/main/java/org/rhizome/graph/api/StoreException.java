package org.rhizome.graph.api;

/**
 * Storage failed: the database could not be opened, read or written. Nothing half-written is kept.
 */
public class StoreException extends Exception {
  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
