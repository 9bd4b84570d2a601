package org.rhizome.graph.tasks;

import org.rhizome.graph.api.NoteException;

/** The line named holds no task (any more): the note changed since the task was shown. */
public final class NoSuchTaskException extends NoteException {
  private static final long serialVersionUID = 1L;

  public NoSuchTaskException(String message) {
    super(message);
  }
}
