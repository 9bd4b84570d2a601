package org.rhizome.graph.text;

/**
 * One immutable text op: a run of inserted code points or a run of deletions. An op made by {@code
 * id().actor()} consumes the counters {@code id().seq() .. id().seq() + length() - 1}.
 */
public sealed interface TextOp permits InsertOp, DeleteOp {
  /** The id of the op's first event. */
  TextId id();

  /** How many events (code points inserted, or code points deleted) the op holds; at least 1. */
  int length();
}
