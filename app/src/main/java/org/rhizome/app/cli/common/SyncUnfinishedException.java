package org.rhizome.app.cli.common;

/**
 * Sync could not do what was asked, though nothing is wrong with the data: a join did not finish
 * within {@code --wait} (it stays pending), or another process already serves the workspace. Exit
 * code 6.
 */
public final class SyncUnfinishedException extends Exception {
  private static final long serialVersionUID = 1L;

  public SyncUnfinishedException(String message) {
    super(message);
  }
}
