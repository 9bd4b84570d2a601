package org.rhizome.sync.replication.invite;

/** The text is not a Rhizome invite, or was damaged (copied partly, mistyped). */
public final class InvalidInviteException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidInviteException(String message) {
    super(message);
  }
}
