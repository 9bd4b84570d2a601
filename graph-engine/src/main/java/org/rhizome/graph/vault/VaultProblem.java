package org.rhizome.graph.vault;

/**
 * Something about one file that a person should know: never fatal. {@code path} is relative to the
 * vault, with {@code /}.
 */
public record VaultProblem(String path, String message) {
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
