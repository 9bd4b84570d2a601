package org.rhizome.graph.text;

import java.util.List;

/**
 * Reconstructs earlier texts by replaying a document's ops (as kept in the change log, in a causal
 * order) into an empty replica. Costs one replay: O(ops × log runs).
 */
public final class TextHistory {
  private TextHistory() {}

  /**
   * The document made of the events of {@code ops} that {@code version} includes. An op only partly
   * included contributes its included prefix (each code point is an event).
   *
   * @throws MissingTextDependencyException if {@code version} is not causally closed over {@code
   *     ops} (it includes an event whose dependencies it excludes)
   * @throws InvalidTextOpException if {@code ops} are not a valid history
   */
  public static TextDocument documentAt(List<TextOp> ops, TextVersion version)
      throws MissingTextDependencyException, InvalidTextOpException {
    TextDocument doc = new TextDocument();
    for (TextOp op : ops) {
      long included = version.get(op.id().actor()) - op.id().seq();
      if (included <= 0) {
        continue;
      }
      doc.apply(included >= op.length() ? op : TextOps.prefix(op, (int) included));
    }
    return doc;
  }

  /** The text at {@code version}; see {@link #documentAt}. */
  public static String textAt(List<TextOp> ops, TextVersion version)
      throws MissingTextDependencyException, InvalidTextOpException {
    return documentAt(ops, version).text();
  }

  /** The text after the first {@code count} ops of {@code ops}. */
  public static String textAfter(List<TextOp> ops, int count)
      throws MissingTextDependencyException, InvalidTextOpException {
    TextDocument doc = new TextDocument();
    for (TextOp op : ops.subList(0, count)) {
      doc.apply(op);
    }
    return doc.text();
  }
}
