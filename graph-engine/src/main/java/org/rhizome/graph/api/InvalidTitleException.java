package org.rhizome.graph.api;

/** A title that a note cannot have: empty, too long, or with characters that break wikilinks. */
public final class InvalidTitleException extends NoteException {
  private static final long serialVersionUID = 1L;

  public InvalidTitleException(String message) {
    super(message);
  }
}
