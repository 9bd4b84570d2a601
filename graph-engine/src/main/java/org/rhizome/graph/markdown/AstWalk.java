package org.rhizome.graph.markdown;

import com.vladsch.flexmark.util.ast.Node;
import org.jspecify.annotations.Nullable;

/**
 * A pre-order walk over a Flexmark tree without recursion (a deeply nested body must not overflow
 * the stack): the index's and the editor's span walks both step with it.
 */
final class AstWalk {
  private AstWalk() {}

  /**
   * The node after {@code node}: its first child when {@code descend}, else the next sibling up the
   * tree.
   */
  static @Nullable Node next(Node node, boolean descend) {
    if (descend && node.getFirstChild() != null) {
      return node.getFirstChild();
    }
    for (Node n = node; n != null; n = n.getParent()) {
      if (n.getNext() != null) {
        return n.getNext();
      }
    }
    return null;
  }
}
