package org.rhizome.ui.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.rhizome.graph.markdown.MarkdownSpan;
import org.rhizome.graph.markdown.MarkdownSpans;
import org.rhizome.graph.markdown.NoteSpans;
import org.rhizome.graph.markdown.WikiLink;

/**
 * Turns the engine's Markdown spans ({@link MarkdownSpans}, read by the scanners the index uses)
 * into the editor's CSS classes, so what looks like a tag or a link is what {@code tags} and {@code
 * links} index. The editor has no Markdown rules of its own.
 *
 * <p>Pure and thread-safe. CSS classes: {@code md-h1}…{@code md-h6} with {@code md-heading}, {@code
 * md-strong}, {@code md-em}, {@code md-code}, {@code md-fence}, {@code md-wikilink}, {@code
 * md-link}, {@code md-tag}, {@code md-quote}, {@code md-list}, {@code md-rule}, {@code
 * md-highlight}, {@code md-comment}, {@code md-html}, {@code md-math}, {@code md-block-id}, {@code
 * md-callout}, {@code md-front-matter}; a wikilink whose target reaches no note also gets {@code
 * md-wikilink-unresolved}. Nested syntax gets the classes of each level, outer first.
 */
public final class MarkdownHighlighter {
  /** The extra class of a wikilink that reaches no note. */
  public static final String UNRESOLVED = "md-wikilink-unresolved";

  private static final List<String> FENCE = List.of("md-fence");

  private MarkdownHighlighter() {}

  /** True when the line opens or closes a fenced code block. */
  public static boolean fenceToggles(String line) {
    return MarkdownSpans.togglesFence(line);
  }

  /**
   * Styles one line on its own; {@code insideFence} says whether a code fence is open when it
   * starts.
   */
  public static StyleSpans<Collection<String>> styleLine(String line, boolean insideFence) {
    return styleLine(line, insideFence, target -> false);
  }

  /**
   * As {@link #styleLine(String, boolean)}, marking wikilinks whose target is {@code unresolved}.
   */
  public static StyleSpans<Collection<String>> styleLine(
      String line, boolean insideFence, Predicate<String> unresolved) {
    if (insideFence) {
      StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
      spans.add(line.isEmpty() ? List.of() : FENCE, line.length());
      return spans.create();
    }
    return style(MarkdownSpans.of(line), unresolved);
  }

  /**
   * The target of a wikilink as the index reads it ({@code ![[Target#Heading|Alias]]} → {@code
   * Target}).
   */
  public static String linkTarget(String wikilink) {
    List<WikiLink> links = MarkdownSpans.of(wikilink).links();
    return links.isEmpty() ? "" : links.get(0).target();
  }

  /** The styles of {@code [spans.from(), spans.to())}, one run per stretch of equal classes. */
  public static StyleSpans<Collection<String>> style(
      NoteSpans spans, Predicate<String> unresolved) {
    Map<Integer, WikiLink> linkByStart = new HashMap<>();
    for (WikiLink link : spans.links()) {
      if (!link.markdown()) {
        linkByStart.put(link.start(), link);
      }
    }
    List<MarkdownSpan> all = spans.spans();
    // Spans come ordered by start (outer first); walk the boundaries with the open ones on a list.
    List<MarkdownSpan> open = new ArrayList<>();
    List<String> styles = new ArrayList<>();
    StyleSpansBuilder<Collection<String>> out = new StyleSpansBuilder<>();
    List<String> current = List.of();
    int runStart = spans.from();
    int at = spans.from();
    int next = 0;
    boolean any = false;
    while (at < spans.to()) {
      while (next < all.size() && all.get(next).start() <= at) {
        MarkdownSpan s = all.get(next++);
        if (s.end() > at) {
          open.add(s);
        }
      }
      int here = at;
      open.removeIf(s -> s.end() <= here);
      styles.clear();
      for (MarkdownSpan s : open) {
        addClasses(s, linkByStart, unresolved, styles);
      }
      if (!styles.equals(current)) {
        if (at > runStart) {
          out.add(current, at - runStart);
          any = true;
        }
        current = List.copyOf(styles);
        runStart = at;
      }
      int boundary = spans.to();
      if (next < all.size()) {
        boundary = Math.min(boundary, all.get(next).start());
      }
      for (MarkdownSpan s : open) {
        boundary = Math.min(boundary, s.end());
      }
      at = Math.max(boundary, at + 1);
    }
    if (spans.to() > runStart || !any) {
      out.add(current, spans.to() - runStart);
    }
    return out.create();
  }

  private static void addClasses(
      MarkdownSpan s,
      Map<Integer, WikiLink> links,
      Predicate<String> unresolved,
      List<String> styles) {
    switch (s.kind()) {
      case HEADING -> {
        add(styles, "md-heading");
        add(styles, "md-h" + s.level());
      }
      case EMPHASIS -> add(styles, "md-em");
      case STRONG -> add(styles, "md-strong");
      case CODE_SPAN -> add(styles, "md-code");
      case FENCED_CODE -> add(styles, "md-fence");
      case WIKILINK, EMBED -> {
        add(styles, "md-wikilink");
        WikiLink link = links.get(s.start());
        if (link != null && unresolved.test(link.target())) {
          add(styles, UNRESOLVED);
        }
      }
      case MARKDOWN_LINK, URL -> add(styles, "md-link");
      case TAG -> add(styles, "md-tag");
      case LIST_MARKER, TASK -> add(styles, "md-list");
      case QUOTE -> add(styles, "md-quote");
      case RULE -> add(styles, "md-rule");
      case HIGHLIGHT -> add(styles, "md-highlight");
      case COMMENT -> add(styles, "md-comment");
      case HTML -> add(styles, "md-html");
      case MATH -> add(styles, "md-math");
      case BLOCK_ID -> add(styles, "md-block-id");
      case CALLOUT -> add(styles, "md-callout");
      case FRONT_MATTER -> add(styles, "md-front-matter");
      case LINK_TARGET,
          LINK_HEADING,
          LINK_ALIAS -> {} // parts, for finding; the link is styled whole
    }
  }

  private static void add(List<String> styles, String style) {
    if (!styles.contains(style)) {
      styles.add(style);
    }
  }
}
