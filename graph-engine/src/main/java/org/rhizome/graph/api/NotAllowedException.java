package org.rhizome.graph.api;

/**
 * This device may not make the change it asked for: it is not (yet) a member of the workspace, or
 * the node is protected by another person. Nothing was written.
 */
public class NotAllowedException extends RuntimeException {
  public NotAllowedException(String message) {
    super(message);
  }
}
