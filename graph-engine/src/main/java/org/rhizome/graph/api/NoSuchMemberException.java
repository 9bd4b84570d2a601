package org.rhizome.graph.api;

/** A role change, removal or revocation named someone who is not a member here. */
public final class NoSuchMemberException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NoSuchMemberException(String message) {
    super(message);
  }
}
