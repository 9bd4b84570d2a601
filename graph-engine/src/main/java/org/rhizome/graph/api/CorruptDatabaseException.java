package org.rhizome.graph.api;

/** The file is damaged: SQLite reports it as corrupt or not a database. */
public final class CorruptDatabaseException extends StoreException {
  private static final long serialVersionUID = 1L;

  public CorruptDatabaseException(String message) {
    super(message);
  }

  public CorruptDatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
