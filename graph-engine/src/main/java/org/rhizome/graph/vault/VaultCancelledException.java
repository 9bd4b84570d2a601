package org.rhizome.graph.vault;

/** The person cancelled an import or export; an import has undone what it did. */
public final class VaultCancelledException extends Exception {
  private static final long serialVersionUID = 1L;

  public VaultCancelledException(String message) {
    super(message);
  }
}
