package org.rhizome.graph.text;

import java.util.Objects;

/**
 * A local edit as an editor produces it, in code points: delete {@code deleteCount} characters at
 * {@code position}, then insert {@code text} there.
 */
public record Splice(int position, int deleteCount, String text) {
  public Splice {
    Objects.requireNonNull(text, "text");
    if (position < 0 || deleteCount < 0) {
      throw new IllegalArgumentException(
          "negative position or delete count: " + position + ", " + deleteCount);
    }
  }
}
