package org.rhizome.graph.privacy;

/**
 * A sealed op or a key wrap that does not open: tampered with, copied from another note, key,
 * device or change, or made for another reader. The change that carries it stays valid for every
 * other replica; only this one cannot use it.
 */
public final class SealException extends Exception {
  public SealException(String message) {
    super(message);
  }
}
