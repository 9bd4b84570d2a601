package org.rhizome.graph.api;

/** A note operation that cannot be done as asked; the message is a sentence a person can act on. */
public class NoteException extends Exception {
  private static final long serialVersionUID = 1L;

  public NoteException(String message) {
    super(message);
  }
}
