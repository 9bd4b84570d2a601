package org.rhizome.graph.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.DelimitedNodeImpl;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.InlineLinkNode;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the Flexmark AST of a note's body says about where Markdown text is, as ranges over the
 * whole input (the body was parsed on its own, so every AST offset is shifted by {@code
 * bodyStart}).
 *
 * @param syntax ranges that are not Markdown text: code spans, fenced and indented code, inline
 *     HTML and HTML comments, the tags (not the content) of HTML blocks, raw-text HTML blocks
 *     ({@code <pre>}, {@code <script>}, {@code <style>}, {@code <textarea>}), autolinks, the {@code
 *     (url "title")} part of links and images, link reference definitions, and ATX heading markers
 * @param linkNodes whole Markdown links and images ({@code [text](url)}, defined {@code
 *     [text][ref]})
 * @param emphasisMarkers sorted start offsets of emphasis delimiters ({@code _}, {@code *}); a tag
 *     ends where one begins, so {@code _#tag_} is the tag "tag" although {@code _} is a tag char
 * @param headings the body's headings
 */
record BodyStructure(
    RangeList syntax,
    RangeList linkNodes,
    int[] emphasisMarkers,
    List<Heading> headings,
    List<LocalLink> localLinks) {

  /**
   * A Markdown link or image whose destination is a file of the vault ({@code
   * [text](Folder/Note.md)}, {@code ![](img.png)}), not a URL: {@code [urlStart, urlEnd)} is the
   * destination as written.
   */
  record LocalLink(
      int start, int end, int urlStart, int urlEnd, String url, String text, boolean image) {}

  BodyStructure withSyntax(RangeList newSyntax) {
    return new BodyStructure(newSyntax, linkNodes, emphasisMarkers, headings, localLinks);
  }

  private static final String[] RAW_TEXT_HTML = {"<pre", "<script", "<style", "<textarea"};

  /** For a body Flexmark could not parse: everything is text, no headings. */
  static BodyStructure unparsed() {
    RangeList none = new RangeList.Builder().build();
    return new BodyStructure(none, none, new int[0], List.of(), List.of());
  }

  static BodyStructure of(Document document, int bodyStart, SourceLines lines) {
    RangeList.Builder syntax = new RangeList.Builder();
    RangeList.Builder linkNodes = new RangeList.Builder();
    int[] markers = new int[8];
    int markerCount = 0;
    List<Heading> headings = new ArrayList<>();
    List<LocalLink> localLinks = new ArrayList<>();
    // Iterative pre-order walk: deeply nested input must not overflow the stack.
    Node node = document.getFirstChild();
    while (node != null) {
      int start = bodyStart + node.getStartOffset();
      int end = bodyStart + node.getEndOffset();
      boolean descend = true;
      if (node instanceof Code
          || node instanceof FencedCodeBlock
          || node instanceof IndentedCodeBlock
          || node instanceof HtmlInline
          || node instanceof HtmlInlineComment
          || node instanceof HtmlCommentBlock
          || node instanceof AutoLink
          || node instanceof MailLink
          || node instanceof Reference) {
        syntax.add(start, end);
        descend = false;
      } else if (node instanceof HtmlBlock) {
        if (isRawTextHtml(node.getChars())) {
          syntax.add(start, end);
        } else {
          addHtmlTags(syntax, node.getChars(), bodyStart);
        }
        descend = false;
      } else if (node instanceof InlineLinkNode link) {
        syntax.add(bodyStart + link.getTextClosingMarker().getEndOffset(), end);
        linkNodes.add(start, end);
        BasedSequence url = link.getUrl();
        if (url.isNotNull() && !url.isEmpty() && isLocal(url.toString())) {
          localLinks.add(
              new LocalLink(
                  start,
                  end,
                  bodyStart + url.getStartOffset(),
                  bodyStart + url.getEndOffset(),
                  url.toString(),
                  link.getText().toString(),
                  node instanceof com.vladsch.flexmark.ast.Image));
        }
      } else if (node instanceof RefNode ref && ref.isDefined()) {
        linkNodes.add(start, end);
      } else if (node instanceof Emphasis || node instanceof StrongEmphasis) {
        DelimitedNodeImpl emphasis = (DelimitedNodeImpl) node;
        if (markerCount + 2 > markers.length) {
          markers = Arrays.copyOf(markers, markers.length * 2);
        }
        markers[markerCount++] = bodyStart + emphasis.getOpeningMarker().getStartOffset();
        markers[markerCount++] = bodyStart + emphasis.getClosingMarker().getStartOffset();
      } else if (node instanceof com.vladsch.flexmark.ast.Heading heading) {
        addMarker(syntax, heading.getOpeningMarker(), bodyStart);
        addMarker(syntax, heading.getClosingMarker(), bodyStart);
        String text = HeadingText.of(heading);
        if (!text.isEmpty()) {
          headings.add(new Heading(heading.getLevel(), text, lines.lineOf(start)));
        }
      }
      node = AstWalk.next(node, descend);
    }
    int[] sortedMarkers = Arrays.copyOf(markers, markerCount);
    Arrays.sort(sortedMarkers);
    return new BodyStructure(
        syntax.build(), linkNodes.build(), sortedMarkers, headings, localLinks);
  }

  /**
   * A destination that names a file of the vault: no scheme ({@code https:}, {@code mailto:}), not
   * {@code #x} or {@code //host}.
   */
  static boolean isLocal(String url) {
    if (url.startsWith("#") || url.startsWith("//")) {
      return false;
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == ':') {
        return i == 0;
      }
      if (!(Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-')) {
        return true;
      }
    }
    return true;
  }

  private static void addMarker(RangeList.Builder syntax, BasedSequence marker, int bodyStart) {
    if (marker.isNotNull() && !marker.isEmpty()) {
      syntax.add(bodyStart + marker.getStartOffset(), bodyStart + marker.getEndOffset());
    }
  }

  private static boolean isRawTextHtml(BasedSequence chars) {
    String head =
        chars.subSequence(0, Math.min(chars.length(), 10)).toString().toLowerCase(Locale.ROOT);
    for (String prefix : RAW_TEXT_HTML) {
      if (head.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Marks each {@code <tag ...>} inside an HTML block (attributes may hold {@code #fff} or URLs),
   * but not the text between tags, where Obsidian users do write links.
   */
  private static void addHtmlTags(RangeList.Builder syntax, BasedSequence block, int bodyStart) {
    int length = block.length();
    int i = 0;
    while (i < length) {
      char c = block.charAt(i);
      char next = i + 1 < length ? block.charAt(i + 1) : ' ';
      if (c != '<' || !(Character.isLetter(next) || next == '/' || next == '!' || next == '?')) {
        i++;
        continue;
      }
      int j = i + 1;
      char quote = 0;
      while (j < length) {
        char d = block.charAt(j);
        if (quote != 0) {
          if (d == quote) {
            quote = 0;
          }
        } else if (d == '"' || d == '\'') {
          quote = d;
        } else if (d == '>') {
          break;
        }
        j++;
      }
      if (j == length) {
        return; // an unclosed tag: leave the rest as text
      }
      syntax.add(
          bodyStart + block.getStartOffset() + i, bodyStart + block.getStartOffset() + j + 1);
      i = j + 1;
    }
  }
}
