package org.rhizome.graph.api;

/** The disk (or the database's size limit) is full; the write was rolled back. */
public final class StorageFullException extends StoreException {
  private static final long serialVersionUID = 1L;

  public StorageFullException(String message) {
    super(message);
  }

  public StorageFullException(String message, Throwable cause) {
    super(message, cause);
  }
}
