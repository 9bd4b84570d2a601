package org.rhizome.graph.text;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Inserts {@code text} (at least one code point, well-formed UTF-16) between the characters {@code
 * originLeft} and {@code originRight}, which were adjacent in the author's document when the op was
 * made; {@code null} stands for the start (left) or the end (right) of the document. The inserted
 * code points get the ids {@code id.seq() ..}; each one's left origin is the one before it.
 */
public record InsertOp(
    TextId id, @Nullable TextId originLeft, @Nullable TextId originRight, String text)
    implements TextOp {
  public InsertOp {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    int n = CodePoints.countWellFormed(text);
    if (n == 0) {
      throw new IllegalArgumentException("an insert needs at least one code point");
    }
    if (id.seq() + n - 1 > TextId.MAX_SEQ) {
      throw new IllegalArgumentException("insert runs past the largest text seq");
    }
  }

  @Override
  public int length() {
    return text.codePointCount(0, text.length());
  }
}
