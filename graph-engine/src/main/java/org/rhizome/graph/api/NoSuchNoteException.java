package org.rhizome.graph.api;

/** No live note has this id, title or alias. */
public final class NoSuchNoteException extends NoteException {
  private static final long serialVersionUID = 1L;

  public NoSuchNoteException(String message) {
    super(message);
  }
}
