package org.rhizome.graph.text;

/** Cuts ops into parts; each event of an op stands on its own, so every part is a valid op. */
final class TextOps {
  private TextOps() {}

  /** The first {@code n} events of {@code op} (0 < n ≤ op.length()). */
  static TextOp prefix(TextOp op, int n) {
    if (op instanceof InsertOp ins) {
      String t = ins.text();
      return new InsertOp(
          ins.id(),
          ins.originLeft(),
          ins.originRight(),
          t.substring(0, t.offsetByCodePoints(0, n)));
    }
    DeleteOp del = (DeleteOp) op;
    return new DeleteOp(del.id(), del.target(), n);
  }

  /** The events of {@code op} after its first {@code k} (0 < k < op.length()). */
  static TextOp suffix(TextOp op, int k) {
    if (op instanceof InsertOp ins) {
      String t = ins.text();
      // Each inserted code point's left origin is the one before it.
      return new InsertOp(
          ins.id().plus(k),
          ins.id().plus(k - 1),
          ins.originRight(),
          t.substring(t.offsetByCodePoints(0, k)));
    }
    DeleteOp del = (DeleteOp) op;
    return new DeleteOp(del.id().plus(k), del.target().plus(k), del.length() - k);
  }
}
