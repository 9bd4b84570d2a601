package org.rhizome.graph.markdown;

import com.vladsch.flexmark.util.ast.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Markdown syntax of a note as typed spans, for an editor to highlight and to find the link at
 * the caret: computed by the scanners the index uses (the same Flexmark AST with the same limits,
 * the same wikilink and tag scanner over the same gaps, the same math rule), so a {@link
 * SpanKind#TAG} span is exactly a tag the index stores and {@link NoteSpans#links()} exactly its
 * links.
 *
 * <p>{@link #of(String)} reads a whole note; {@link MarkdownBlocks} reads only the blocks around an
 * edit, for keystrokes. Link reference definitions ({@code [ref]: url}) count only within the part
 * read, so a {@code [text][ref]} whose definition is far away may show as text until the whole note
 * is read again. Pure and thread-safe.
 */
public final class MarkdownSpans {
  private static final Comparator<MarkdownSpan> ORDER =
      Comparator.comparingInt(MarkdownSpan::start)
          .thenComparing(Comparator.comparingInt(MarkdownSpan::end).reversed());

  private MarkdownSpans() {}

  /** The spans and links of the whole text. */
  public static NoteSpans of(String text) {
    return spans(text, 0, text.length(), 0);
  }

  /**
   * True when {@code line} opens or closes a fenced code block ({@code ```} or {@code ~~~} after at
   * most three spaces). Hand-written, not a regex: it runs for every line.
   */
  public static boolean togglesFence(CharSequence line) {
    int i = 0;
    while (i < 3 && i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i + 3 <= line.length()
        && isFenceChar(line.charAt(i))
        && line.charAt(i + 1) == line.charAt(i)
        && line.charAt(i + 2) == line.charAt(i);
  }

  private static boolean isFenceChar(char c) {
    return c == '`' || c == '~';
  }

  /**
   * The spans of {@code [from, to)}, which starts a top-level block (or is 0) and ends at a line
   * start or the end; {@code firstLine} is the line number of {@code from}.
   */
  static NoteSpans spans(String text, int from, int to, int firstLine) {
    List<String> problems = new ArrayList<>();
    List<MarkdownSpan> spans = new ArrayList<>();
    List<WikiLink> links = new ArrayList<>();
    SourceLines lines = new SourceLines(text, from, to, firstLine);
    int bodyStart = from;
    if (from == 0) {
      FrontMatterReader.Block block = FrontMatterReader.find(text, problems);
      if (block != null && block.endOffset() <= to) {
        spans.add(new MarkdownSpan(SpanKind.FRONT_MATTER, 0, trimEol(text, 0, block.endOffset())));
        new WikiSyntaxScanner(text, lines, links).scan(block.contentStart(), block.contentEnd());
        bodyStart = block.endOffset();
      }
    }
    Document document =
        MarkdownParser.SHARED.parseBody(ParseLimits.apply(text.substring(bodyStart, to)), problems);
    BodyStructure body =
        document == null ? BodyStructure.unparsed() : BodyStructure.of(document, bodyStart, lines);
    RangeList math = MathSpans.find(body.syntax(), text, bodyStart, to);
    RangeList syntax =
        math.size() == 0
            ? body.syntax()
            : new RangeList.Builder().addAll(body.syntax()).addAll(math).build();
    RangeList.Builder taken = new RangeList.Builder().addAll(syntax);
    WikiSyntaxScanner scanner =
        new WikiSyntaxScanner(
            text,
            lines,
            links,
            (hash, end) -> {
              spans.add(new MarkdownSpan(SpanKind.TAG, hash, end));
              taken.add(hash, end);
            },
            body.emphasisMarkers());
    syntax.forEachGap(bodyStart, to, scanner::scan);
    MarkdownParser.addLocalLinks(body, bodyStart, lines, links);
    for (int i = 0; i < math.size(); i++) {
      spans.add(new MarkdownSpan(SpanKind.MATH, math.start(i), math.end(i)));
    }
    for (WikiLink link : links) {
      if (!link.markdown()) {
        addWikiLink(text, link, spans);
        taken.add(link.start(), link.end());
      }
    }
    if (document != null) {
      SpanCollector.collect(document, bodyStart, text, spans);
    }
    TextSpans.addTo(taken.build(), text, bodyStart, to, spans);
    spans.sort(ORDER);
    return new NoteSpans(from, to, spans, links);
  }

  /**
   * The link and its parts: target, {@code #heading} and {@code |alias} as the scanner split them.
   */
  private static void addWikiLink(String text, WikiLink link, List<MarkdownSpan> spans) {
    spans.add(
        new MarkdownSpan(
            link.embed() ? SpanKind.EMBED : SpanKind.WIKILINK, link.start(), link.end()));
    if (link.targetEnd() > link.targetStart()) {
      spans.add(new MarkdownSpan(SpanKind.LINK_TARGET, link.targetStart(), link.targetEnd()));
    }
    int open = link.start() + (link.embed() ? 3 : 2);
    int close = link.end() - 2;
    int pipe = text.indexOf('|', open);
    pipe = pipe < 0 || pipe > close ? -1 : pipe;
    int targetPartEnd =
        pipe < 0 ? close : (pipe > open && text.charAt(pipe - 1) == '\\' ? pipe - 1 : pipe);
    int hash = text.indexOf('#', open);
    if (link.heading() != null && hash >= 0 && hash < targetPartEnd) {
      spans.add(new MarkdownSpan(SpanKind.LINK_HEADING, hash + 1, targetPartEnd));
    }
    if (link.alias() != null && pipe >= 0) {
      spans.add(new MarkdownSpan(SpanKind.LINK_ALIAS, pipe + 1, close));
    }
  }

  static int trimEol(String text, int start, int end) {
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return end;
  }
}
