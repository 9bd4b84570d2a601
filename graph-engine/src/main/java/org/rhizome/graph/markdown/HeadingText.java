package org.rhizome.graph.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.DelimitedLinkNode;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.Escaping;
import org.jspecify.annotations.Nullable;

/**
 * The plain text of a heading: Markdown markup removed, but an unresolved {@code [reference]}
 * (which is what a wikilink looks like to CommonMark) kept as written, so {@code # See [[Note]]}
 * reads "See [[Note]]" and not "See [Note]".
 */
final class HeadingText {

  private HeadingText() {}

  static String of(com.vladsch.flexmark.ast.Heading heading) {
    StringBuilder raw = new StringBuilder();
    Node node = heading.getFirstChild();
    while (node != null) {
      boolean descend = false;
      if (node instanceof RefNode ref && !ref.isDefined()) {
        raw.append(ref.getChars().unescapeNoEntities());
      } else if (node instanceof Text) {
        raw.append(node.getChars().unescape());
      } else if (node instanceof Code code) {
        raw.append(code.getText());
      } else if (node instanceof DelimitedLinkNode link) {
        raw.append(link.getText());
      } else if (node instanceof HtmlEntity) {
        raw.append(Escaping.unescapeHtml(node.getChars()));
      } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
        raw.append(' ');
      } else if (!(node instanceof HtmlInlineBase)) {
        descend = true;
      }
      node = next(heading, node, descend);
    }
    return collapseWhitespace(raw);
  }

  private static @Nullable Node next(Node root, Node node, boolean descend) {
    if (descend && node.getFirstChild() != null) {
      return node.getFirstChild();
    }
    for (Node n = node; n != null && n != root; n = n.getParent()) {
      if (n.getNext() != null) {
        return n.getNext();
      }
    }
    return null;
  }

  private static String collapseWhitespace(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        pendingSpace = true;
      } else {
        if (pendingSpace && out.length() > 0) {
          out.append(' ');
        }
        pendingSpace = false;
        out.append(c);
      }
    }
    return out.toString();
  }
}
