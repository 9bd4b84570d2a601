package org.rhizome.graph.api;

/** The file is an SQLite database, but not one of Rhizome's. */
public final class NotARhizomeDatabaseException extends StoreException {
  private static final long serialVersionUID = 1L;

  public NotARhizomeDatabaseException(String message) {
    super(message);
  }

  public NotARhizomeDatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
