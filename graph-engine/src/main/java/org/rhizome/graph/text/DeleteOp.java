package org.rhizome.graph.text;

import java.util.Objects;

/**
 * Deletes the {@code length} characters with ids {@code target.seq() .. target.seq() + length - 1}
 * of {@code target.actor()} (characters already deleted stay deleted). The op itself consumes
 * {@code length} counters of its own actor from {@code id.seq()}.
 */
public record DeleteOp(TextId id, TextId target, int length) implements TextOp {
  public DeleteOp {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(target, "target");
    if (length < 1) {
      throw new IllegalArgumentException("a delete needs a length of at least 1, got " + length);
    }
    if (id.seq() + length - 1 > TextId.MAX_SEQ || target.seq() + length - 1 > TextId.MAX_SEQ) {
      throw new IllegalArgumentException("delete runs past the largest text seq");
    }
  }
}
