package org.rhizome.graph.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.InlineLinkNode;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;

/**
 * The display spans the Flexmark AST of a body (or a part of one) gives: headings, emphasis, code,
 * links, quotes, list markers and task boxes, callout markers, rules, HTML and comments. The same
 * AST the index reads its links and tags against ({@link BodyStructure}), walked once more for the
 * editor.
 */
final class SpanCollector {
  private SpanCollector() {}

  /** Adds the spans of {@code document}, parsed from the text at {@code base}, to {@code out}. */
  static void collect(Document document, int base, String text, List<MarkdownSpan> out) {
    Node node = document.getFirstChild();
    while (node != null) {
      int start = base + node.getStartOffset();
      int end = trimEol(text, start, base + node.getEndOffset());
      boolean descend = true;
      if (node instanceof com.vladsch.flexmark.ast.Heading heading) {
        out.add(new MarkdownSpan(SpanKind.HEADING, start, end, heading.getLevel()));
      } else if (node instanceof StrongEmphasis) {
        out.add(new MarkdownSpan(SpanKind.STRONG, start, end));
      } else if (node instanceof Emphasis) {
        out.add(new MarkdownSpan(SpanKind.EMPHASIS, start, end));
      } else if (node instanceof Code) {
        out.add(new MarkdownSpan(SpanKind.CODE_SPAN, start, end));
        descend = false;
      } else if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
        out.add(new MarkdownSpan(SpanKind.FENCED_CODE, start, end));
        descend = false;
      } else if (node instanceof HtmlCommentBlock || node instanceof HtmlInlineComment) {
        out.add(new MarkdownSpan(SpanKind.COMMENT, start, end));
        descend = false;
      } else if (node instanceof HtmlInline || node instanceof HtmlBlock) {
        out.add(new MarkdownSpan(SpanKind.HTML, start, end));
        descend = false;
      } else if (node instanceof AutoLink || node instanceof MailLink) {
        out.add(new MarkdownSpan(SpanKind.URL, start, end));
        descend = false;
      } else if (node instanceof InlineLinkNode
          || (node instanceof RefNode ref && ref.isDefined())) {
        out.add(new MarkdownSpan(SpanKind.MARKDOWN_LINK, start, end));
      } else if (node instanceof BlockQuote) {
        out.add(new MarkdownSpan(SpanKind.QUOTE, start, end));
        addCallout(node, base, out);
      } else if (node instanceof ListItem item) {
        addListMarker(item, base, text, out);
      } else if (node instanceof ThematicBreak) {
        out.add(new MarkdownSpan(SpanKind.RULE, start, end));
      }
      node = AstWalk.next(node, descend);
    }
  }

  /** {@code > [!note] Title}: the {@code [!note]} of a quote's first paragraph. */
  private static void addCallout(Node quote, int base, List<MarkdownSpan> out) {
    if (!(quote.getFirstChild() instanceof Paragraph first)) {
      return;
    }
    BasedSequence chars = first.getChars();
    if (!chars.startsWith("[!")) {
      return;
    }
    for (int i = 2; i < chars.length(); i++) {
      char c = chars.charAt(i);
      if (c == ']') {
        if (i > 2) {
          out.add(
              new MarkdownSpan(
                  SpanKind.CALLOUT,
                  base + chars.getStartOffset(),
                  base + chars.getStartOffset() + i + 1));
        }
        return;
      }
      if (c == '\n' || c == '\r' || c == '[') {
        return;
      }
    }
  }

  /** The bullet or number and the blank after it; then {@code [ ] } or {@code [x] } of a task. */
  private static void addListMarker(ListItem item, int base, String text, List<MarkdownSpan> out) {
    BasedSequence marker = item.getOpeningMarker();
    if (marker.isNull() || marker.isEmpty()) {
      return;
    }
    int start = base + marker.getStartOffset();
    int end = base + marker.getEndOffset();
    while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
      end++;
    }
    out.add(new MarkdownSpan(SpanKind.LIST_MARKER, start, end));
    if (item.getFirstChild() instanceof Paragraph p
        && base + p.getStartOffset() == end
        && end + 3 < text.length()
        && text.charAt(end) == '['
        && text.charAt(end + 2) == ']'
        && " xX".indexOf(text.charAt(end + 1)) >= 0
        && (text.charAt(end + 3) == ' ' || text.charAt(end + 3) == '\t')) {
      out.add(new MarkdownSpan(SpanKind.TASK, end, end + 4));
    }
  }

  /** Block nodes end after their line break; a span stops before it. */
  private static int trimEol(String text, int start, int end) {
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return end;
  }
}
