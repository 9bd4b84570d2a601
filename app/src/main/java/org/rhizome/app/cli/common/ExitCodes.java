package org.rhizome.app.cli.common;

import java.io.IOException;
import org.rhizome.app.gui.GuiUnavailableException;
import org.rhizome.graph.api.NoSuchNoteException;
import org.rhizome.graph.api.NoteException;
import org.rhizome.graph.api.StoreException;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;

/**
 * The exit codes scripts can rely on, and the mapping from exceptions to them.
 *
 * <table>
 *   <caption>exit codes</caption>
 *   <tr><td>0</td><td>success</td></tr>
 *   <tr><td>1</td><td>internal error (a bug; details in the log), or the window could not open</td></tr>
 *   <tr><td>2</td><td>usage: unknown command or option, missing argument</td></tr>
 *   <tr><td>3</td><td>not found: no note has that id, title or alias; no such workspace or member</td></tr>
 *   <tr><td>4</td><td>invalid input: bad or taken title, unreadable body file, damaged invite, workspace not shared</td></tr>
 *   <tr><td>5</td><td>storage: corrupt, newer or foreign database, unreadable device key, disk full</td></tr>
 *   <tr><td>6</td><td>sync: a join not finished within {@code --wait}, or the workspace is served by another process</td></tr>
 *   <tr><td>7</td><td>not allowed: not a member, a note protected by someone else, or a role that does not allow it (not an admin, a reader)</td></tr>
 *   <tr><td>8</td><td>damaged: {@code rhizome check} found damage (run {@code rhizome repair})</td></tr>
 * </table>
 */
public final class ExitCodes implements IExitCodeExceptionMapper {
  public static final int OK = 0;
  public static final int SOFTWARE = 1;
  public static final int USAGE = 2;
  public static final int NOT_FOUND = 3;
  public static final int INVALID_INPUT = 4;
  public static final int STORAGE = 5;
  public static final int SYNC = 6;

  /** Not a member of the workspace (yet), or the note is protected by someone else. */
  public static final int NOT_ALLOWED = 7;

  /** {@code rhizome check} found the workspace file damaged. */
  public static final int DAMAGED = 8;

  @Override
  public int getExitCode(Throwable exception) {
    return of(exception);
  }

  /** The exit code for a failure (thrown by a command or by parsing). */
  public static int of(Throwable exception) {
    if (exception instanceof ParameterException) {
      return USAGE;
    }
    if (exception instanceof SyncUnfinishedException) {
      return SYNC;
    }
    if (exception instanceof NoSuchNoteException
        || exception instanceof NoSuchWorkspaceException
        || exception instanceof org.rhizome.graph.trash.NotInTrashException
        || exception instanceof org.rhizome.graph.api.NoSuchMemberException) {
      return NOT_FOUND;
    }
    if (exception instanceof BodyTooLargeException) {
      return USAGE;
    }
    if (exception instanceof NoteException
        || exception instanceof InvalidInputException
        || exception instanceof org.rhizome.sync.replication.invite.InvalidInviteException) {
      return INVALID_INPUT;
    }
    if (exception instanceof org.rhizome.graph.api.NotAllowedException) {
      return NOT_ALLOWED;
    }
    if (exception instanceof StoreException || exception instanceof IOException) {
      return STORAGE;
    }
    return SOFTWARE;
  }

  /** True for failures people cause or can fix (a one-line message); false for bugs. */
  public static boolean isExpected(Throwable exception) {
    return of(exception) != SOFTWARE || exception instanceof GuiUnavailableException;
  }
}
