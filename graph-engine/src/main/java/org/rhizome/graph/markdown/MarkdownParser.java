package org.rhizome.graph.markdown;

import com.vladsch.flexmark.parser.InlineParserFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Parses a note's Markdown into the facts the engine indexes: wikilinks, tags, headings and front
 * matter.
 *
 * <p><b>Thread-safety:</b> immutable and thread-safe; build one and share it (it holds a Flexmark
 * {@link Parser}, which is costly to build and safe to reuse). <b>Cost:</b> linear in the input: a
 * plain body (see {@link PlainBodyScan}) is scanned in a few microseconds per KB, any other gets
 * one Flexmark parse plus one scan, tens of microseconds for a typical 1 KB note.
 *
 * <p><b>Rules</b> (close to Obsidian's):
 *
 * <ul>
 *   <li><b>Front matter</b>: the first line (after an optional BOM) is {@code ---} and the block
 *       ends at the next {@code ---} line. It is read as YAML (see {@link FrontMatter}). A block
 *       that is never closed is body text (and a problem). Links written in front matter values
 *       ({@code related: "[[Other]]"}) are reported, first; tags there come only from {@code tags}.
 *   <li><b>What is not text</b>, decided by the Flexmark (CommonMark) AST, never by regular
 *       expressions: code spans, fenced and indented code blocks (an unclosed fence runs to the
 *       end), inline HTML tags, HTML comments, the tags (attributes) of HTML blocks and the whole
 *       of {@code <pre>/<script>/<style>/<textarea>} blocks, autolinks, the {@code (url "title")}
 *       of links and images, and link reference definitions. Nothing there is a link, tag or
 *       mention. The text between the tags of an ordinary HTML block ({@code <div>[[x]]</div>}) is
 *       text.
 *   <li><b>Wikilinks</b>: {@code [[target#heading|alias]]}, each part optional except that a target
 *       or a heading is needed; {@code ![[...]]} is an embed. A link never spans lines; the target
 *       may not contain {@code [} or {@code ]}; the first {@code |} (or {@code \|}, Obsidian's
 *       escape inside table cells) separates the alias and the first {@code #} before it starts the
 *       heading. {@code \[[x]]} is not a link and {@code \![[x]]} is a link, not an embed; in
 *       {@code [[a [[b]] c]]} only {@code b} is a link; in {@code [[[a]]} the link is {@code
 *       [[a]]}. A wikilink inside the text of a Markdown link ({@code [see [[x]]](url)}) counts.
 *   <li><b>Tags</b>: {@code #} followed by letters, digits, combining marks, {@code -}, {@code _},
 *       {@code /}, with at least one non-digit; a trailing {@code /} is dropped, and a tag ends at
 *       an emphasis delimiter ({@code _#tag_} is "tag"). The {@code #} must start a word: start of
 *       line, after whitespace, or right after {@code ( [ * _ ~}. So {@code a#b}, {@code \#a},
 *       {@code &#35;}, {@code color:#fff}, URL fragments and heading markers are not tags; {@code #
 *       #tag} is a heading containing a tag. A {@code #} inside a wikilink is never a tag.
 * </ul>
 *
 * <p><b>Limits</b> that keep every parse linear (see {@link ParseLimits}): list items and block
 * quotes nested past 64 levels on one line, and {@code (} past 32 unclosed in one run of non-blank
 * chars, are plain text; Flexmark's inline parser is replaced by {@link LinearInlineParser}, which
 * does not copy the paragraph at each match. A 1 MiB body of any construct parses in a few seconds
 * of CPU at worst.
 *
 * <p>If Flexmark cannot parse a body at all (its recursive regular expressions overflow even a 128
 * MB stack on some multi-megabyte constructs), the body is scanned as plain text: links and tags
 * are still found but code is not recognised, there are no headings, and a problem says so.
 */
public final class MarkdownParser {

  /** Longest {@code lineText} of a {@link WikiLink} or {@link Mention}, in chars. */
  public static final int MAX_LINE_TEXT = 300;

  /**
   * Stack for re-parsing a body that overflowed the caller's stack; enough for pathological
   * constructs of about 100,000 chars. Only reserved (and only as far as used) for such notes.
   */
  private static final long DEEP_PARSE_STACK_BYTES = 128L << 20;

  private static final String UNPARSED_BODY =
      "The Markdown body could not be parsed, so code was not recognised and headings are missing";

  /** A shared instance for the static helpers of this package. */
  static final MarkdownParser SHARED = new MarkdownParser();

  /**
   * Built on the first parse, not with the parser: a Workspace makes its parser at open, and a
   * command that only reads (or a window before its first edit) would otherwise load and set up
   * Flexmark's ~170 classes for nothing.
   */
  private volatile @Nullable Parser flexmark;

  /**
   * Flexmark's inline parser without its hidden quadratic ({@link LinearInlineParser}), for any
   * other Flexmark parser of note bodies: {@code
   * Parser.builder(options).customInlineParserFactory(MarkdownParser.linearInlineParser())}, and
   * parse {@link ParseLimits#apply}{@code (body)}.
   */
  public static InlineParserFactory linearInlineParser() {
    return LinearInlineParser::new;
  }

  /** Creates a parser; prefer one shared instance per application. */
  public MarkdownParser() {}

  private Parser flexmark() {
    Parser p = flexmark;
    if (p == null) {
      synchronized (this) {
        p = flexmark;
        if (p == null) {
          p = Parser.builder().customInlineParserFactory(LinearInlineParser::new).build();
          flexmark = p;
        }
      }
    }
    return p;
  }

  /**
   * Parses one note.
   *
   * <p>Never throws for any string, however malformed (binary junk, unterminated front matter, huge
   * lines, hostile YAML): what cannot be understood is skipped and described in {@link
   * ParsedNote#problems()}.
   *
   * @param markdown the whole note text, front matter included
   * @throws NullPointerException if {@code markdown} is null
   */
  public ParsedNote parse(String markdown) {
    return parse(markdown, true);
  }

  /**
   * As {@link #parse(String)}; {@code scanFirst} false always parses with Flexmark (to compare
   * {@link PlainBodyScan} with it).
   */
  ParsedNote parse(String markdown, boolean scanFirst) {
    Objects.requireNonNull(markdown, "markdown");
    List<String> problems = new ArrayList<>();
    if (markdown.indexOf('\0') >= 0) {
      problems.add("The note contains NUL characters; it may be a binary file.");
    }
    Layout layout = scanFirst ? scannedLayout(markdown, problems) : layout(markdown, problems);
    FrontMatter frontMatter =
        layout.frontMatterBlock() == null
            ? FrontMatter.EMPTY
            : FrontMatterReader.read(markdown, layout.frontMatterBlock(), problems);

    List<WikiLink> links = new ArrayList<>();
    List<String> bodyTags = new ArrayList<>();
    if (layout.frontMatterBlock() != null) {
      FrontMatterReader.Block block = layout.frontMatterBlock();
      new WikiSyntaxScanner(markdown, layout.lines(), links)
          .scan(block.contentStart(), block.contentEnd());
    }
    WikiSyntaxScanner scanner =
        new WikiSyntaxScanner(
            markdown,
            layout.lines(),
            links,
            (hash, end) -> bodyTags.add(markdown.substring(hash + 1, end)),
            layout.body().emphasisMarkers());
    layout.body().syntax().forEachGap(layout.bodyStart(), markdown.length(), scanner::scan);
    addLocalLinks(markdown, layout, links);
    return new ParsedNote(
        links,
        mergeTags(frontMatter.tags(), bodyTags),
        layout.body().headings(),
        frontMatter,
        problems);
  }

  /** Where the front matter and the body are, and the body's structure; no YAML is read. */
  record Layout(
      FrontMatterReader.@Nullable Block frontMatterBlock,
      int bodyStart,
      BodyStructure body,
      SourceLines lines) {}

  /**
   * As {@link #layout}, for the index: a body {@link PlainBodyScan} follows (most notes) is not
   * parsed by Flexmark. Its emphasis delimiters are not reported, so only {@link #parse} may use
   * it.
   */
  private Layout scannedLayout(String markdown, List<String> problems) {
    FrontMatterReader.Block block = FrontMatterReader.find(markdown, problems);
    int bodyStart = block == null ? 0 : block.endOffset();
    SourceLines lines = new SourceLines(markdown);
    BodyStructure scanned = PlainBodyScan.scan(markdown, bodyStart, lines);
    if (scanned == null) {
      return layout(markdown, problems, block, bodyStart, lines);
    }
    BodyStructure body =
        scanned.withSyntax(
            MathSpans.addTo(scanned.syntax(), markdown, bodyStart, markdown.length()));
    return new Layout(block, bodyStart, body, lines);
  }

  Layout layout(String markdown, List<String> problems) {
    FrontMatterReader.Block block = FrontMatterReader.find(markdown, problems);
    int bodyStart = block == null ? 0 : block.endOffset();
    return layout(markdown, problems, block, bodyStart, new SourceLines(markdown));
  }

  private Layout layout(
      String markdown,
      List<String> problems,
      FrontMatterReader.@Nullable Block block,
      int bodyStart,
      SourceLines lines) {
    Document document = parseBody(ParseLimits.apply(markdown.substring(bodyStart)), problems);
    BodyStructure parsed =
        document == null ? BodyStructure.unparsed() : BodyStructure.of(document, bodyStart, lines);
    BodyStructure body =
        parsed.withSyntax(MathSpans.addTo(parsed.syntax(), markdown, bodyStart, markdown.length()));
    return new Layout(block, bodyStart, body, lines);
  }

  /**
   * The body's AST, or null (with a problem) if Flexmark cannot parse it; the caller then scans the
   * body as plain text, without recognising code, and reports no headings.
   */
  @Nullable Document parseBody(String body, List<String> problems) {
    try {
      return flexmark().parse(body);
    } catch (StackOverflowError e) {
      // Flexmark matches some constructs (long link destinations and titles, HTML tags, long
      // delimiter runs) with recursive java.util.regex patterns, which need stack in proportion to
      // their length. Handled here, not swallowed: retry once where there is room.
      return parseOnLargeStack(body, problems);
    } catch (RuntimeException e) { // a Flexmark bug on odd input must not cost the rest of the note
      problems.add(UNPARSED_BODY + " (" + e + ").");
      return null;
    }
  }

  private @Nullable Document parseOnLargeStack(String body, List<String> problems) {
    AtomicReference<Object> outcome = new AtomicReference<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                outcome.set(flexmark().parse(body));
              } catch (
                  Throwable
                      t) { // handed to the calling thread below, which rethrows what it cannot
                // handle
                outcome.set(t);
              }
            },
            "rhizome-markdown-deep-parse",
            DEEP_PARSE_STACK_BYTES);
    thread.start();
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true; // finish the parse (it is bounded by the input) and restore the flag
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Object result = outcome.get();
    if (result instanceof Document document) {
      return document;
    }
    if (result instanceof Error error && !(error instanceof StackOverflowError)) {
      throw error;
    }
    problems.add(UNPARSED_BODY + " (" + result + ").");
    return null;
  }

  /**
   * Adds Markdown links to files of the vault among the body's wikilinks, in order of appearance.
   */
  private static void addLocalLinks(String markdown, Layout layout, List<WikiLink> links) {
    addLocalLinks(layout.body(), layout.bodyStart(), layout.lines(), links);
  }

  /**
   * Adds the body's Markdown links to vault files to {@code links} (those from {@code bodyStart}
   * on), in order.
   */
  static void addLocalLinks(
      BodyStructure structure, int bodyStart, SourceLines lines, List<WikiLink> links) {
    if (structure.localLinks().isEmpty()) {
      return;
    }
    int bodyFrom = 0;
    while (bodyFrom < links.size() && links.get(bodyFrom).start() < bodyStart) {
      bodyFrom++;
    }
    List<WikiLink> body = new ArrayList<>(links.subList(bodyFrom, links.size()));
    for (BodyStructure.LocalLink l : structure.localLinks()) {
      String url = LocalLinkTargets.decode(l.url());
      int hash = url.indexOf('#');
      String target = (hash < 0 ? url : url.substring(0, hash)).strip();
      String heading = hash < 0 ? null : url.substring(hash + 1).strip();
      if (target.isEmpty() || structure.syntax().contains(l.start())) {
        continue;
      }
      String alias = l.text().strip();
      // [targetStart, targetEnd) is the path as written, without its #fragment.
      int rawHash = l.url().indexOf('#');
      int pathEnd = rawHash < 0 ? l.urlEnd() : l.urlStart() + rawHash;
      body.add(
          new WikiLink(
              target,
              heading == null || heading.isEmpty() ? null : heading,
              alias.isEmpty() ? null : alias,
              l.image(),
              l.start(),
              l.end(),
              l.urlStart(),
              pathEnd,
              lines.lineOf(l.start()),
              lines.lineTextAround(l.start(), l.end(), MAX_LINE_TEXT),
              true));
    }
    body.sort((a, b) -> Integer.compare(a.start(), b.start()));
    links.subList(bodyFrom, links.size()).clear();
    links.addAll(body);
  }

  /** Front-matter tags then body tags, deduplicated ignoring case, first spelling wins. */
  private static List<String> mergeTags(List<String> frontMatterTags, List<String> bodyTags) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String tag : frontMatterTags) {
      byKey.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag);
    }
    for (String tag : bodyTags) {
      byKey.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag);
    }
    return new ArrayList<>(byKey.values());
  }
}
