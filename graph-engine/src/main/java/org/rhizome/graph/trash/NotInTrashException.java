package org.rhizome.graph.trash;

import org.rhizome.graph.api.NoteException;

/**
 * The note asked for is not in the trash: it is live, was emptied from the trash, or never existed.
 */
public final class NotInTrashException extends NoteException {
  private static final long serialVersionUID = 1L;

  public NotInTrashException(String message) {
    super(message);
  }
}
