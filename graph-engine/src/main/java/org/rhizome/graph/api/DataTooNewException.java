package org.rhizome.graph.api;

/** The database was written by a newer Rhizome (a newer schema); it is left untouched. */
public final class DataTooNewException extends StoreException {
  private static final long serialVersionUID = 1L;

  public DataTooNewException(String message) {
    super(message);
  }

  public DataTooNewException(String message, Throwable cause) {
    super(message, cause);
  }
}
