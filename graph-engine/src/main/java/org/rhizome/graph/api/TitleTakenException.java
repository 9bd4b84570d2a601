package org.rhizome.graph.api;

/** Another note already has this title (titles are compared case-insensitively). */
public final class TitleTakenException extends NoteException {
  private static final long serialVersionUID = 1L;

  public TitleTakenException(String title) {
    super("A note titled \"" + title + "\" already exists.");
  }
}
