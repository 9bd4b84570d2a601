package org.rhizome.graph.api;

/**
 * The change would leave the workspace without an admin in good standing (decision 0007): the last
 * admin cannot make themselves a writer or reader, since then nobody could invite, change roles or
 * remove anyone again. Nothing was written; make someone else an admin first.
 */
public final class LastAdminException extends NotAllowedException {
  public LastAdminException(String message) {
    super(message);
  }
}
