package org.rhizome.ui.render;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.block.DocumentPostProcessor;
import com.vladsch.flexmark.parser.block.DocumentPostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rhizome.graph.markdown.MarkdownSpan;
import org.rhizome.graph.markdown.MarkdownSpans;
import org.rhizome.graph.markdown.SpanKind;

/**
 * Makes the reading view's tag chips ({@link ObsidianNodes.Tag} nodes in the AST) exactly the tags
 * the index stores: after the parse, the engine's spans ({@link MarkdownSpans}, the index's own
 * scanner) are read over the same text; a tag node the engine does not see as a tag becomes text
 * again, and a tag the engine sees inside a text node is cut out of it as a tag node. So {@code
 * #1/} or {@code _#a_} show as {@code tags} lists them, and the rendered page never links a tag
 * search that finds nothing.
 */
final class TagChips extends DocumentPostProcessor {

  /**
   * Registered with the parser builder: {@code builder.postProcessorFactory(new
   * TagChips.Factory())}.
   */
  static final class Factory extends DocumentPostProcessorFactory {
    @Override
    public DocumentPostProcessor apply(Document document) {
      return new TagChips();
    }
  }

  @Override
  public Document processDocument(Document document) {
    String source = document.getChars().toString();
    List<MarkdownSpan> tags = new ArrayList<>();
    // The engine's scan parses the text a second time: only when a tag may be in it at all.
    if (mayHaveTag(source)) {
      for (MarkdownSpan s : MarkdownSpans.of(source).spans()) {
        if (s.kind() == SpanKind.TAG) {
          tags.add(s);
        }
      }
    }
    Set<Long> wanted = new HashSet<>();
    for (MarkdownSpan t : tags) {
      wanted.add(key(t.start(), t.end()));
    }
    List<Node> nodes = new ArrayList<>();
    collect(document, nodes);
    for (Node node : nodes) {
      if (node instanceof ObsidianNodes.Tag tag
          && !wanted.remove(key(tag.getStartOffset(), tag.getEndOffset()))) {
        Text text = new Text(tag.getChars());
        tag.insertBefore(text);
        tag.unlink();
        split(text, tags, wanted);
      } else if (node instanceof Text text) {
        split(text, tags, wanted);
      }
    }
    return document;
  }

  /** Cuts the engine's tags that lie wholly inside {@code text} out of it, as tag nodes. */
  private static void split(Text text, List<MarkdownSpan> tags, Set<Long> wanted) {
    int start = text.getStartOffset();
    int end = text.getEndOffset();
    BasedSequence chars = text.getChars();
    if (chars.length() != end - start) {
      return; // not one stretch of the source
    }
    int at = start;
    for (int i = firstAtOrAfter(tags, start); i < tags.size() && tags.get(i).start() < end; i++) {
      MarkdownSpan t = tags.get(i);
      if (t.end() > end || !wanted.contains(key(t.start(), t.end()))) {
        continue;
      }
      if (t.start() > at) {
        text.insertBefore(new Text(chars.subSequence(at - start, t.start() - start)));
      }
      BasedSequence tagChars = chars.subSequence(t.start() - start, t.end() - start);
      text.insertBefore(new ObsidianNodes.Tag(tagChars, tagChars.subSequence(1).toString()));
      wanted.remove(key(t.start(), t.end()));
      at = t.end();
    }
    if (at > start) {
      if (at < end) {
        text.insertBefore(new Text(chars.subSequence(at - start, end - start)));
      }
      text.unlink();
    }
  }

  /**
   * False only when no {@code #} in {@code text} is followed by a character that can start a tag
   * (headings' {@code # } and {@code ##} are not): then the engine finds no tag, and the second
   * parse is skipped.
   */
  static boolean mayHaveTag(String text) {
    for (int i = text.indexOf('#'); i >= 0; i = text.indexOf('#', i + 1)) {
      if (i + 1 < text.length()) {
        char c = text.charAt(i + 1);
        if (c >= 0x80 || Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '/') {
          return true;
        }
      }
    }
    return false;
  }

  private static int firstAtOrAfter(List<MarkdownSpan> tags, int offset) {
    int lo = 0;
    int hi = tags.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tags.get(mid).start() < offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static void collect(Node node, List<Node> out) {
    // Iterative: a deeply nested note must not overflow the stack.
    List<Node> stack = new ArrayList<>();
    stack.add(node);
    while (!stack.isEmpty()) {
      Node n = stack.remove(stack.size() - 1);
      out.add(n);
      for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) {
        stack.add(c);
      }
    }
  }

  private static long key(int start, int end) {
    return ((long) start << 32) | end;
  }
}
