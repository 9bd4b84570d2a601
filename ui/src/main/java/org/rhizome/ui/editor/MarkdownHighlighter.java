package org.rhizome.ui.editor;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Markdown syntax highlighting, one line (paragraph) at a time, so an edit restyles only the lines
 * it touched. The one piece of state that crosses lines is whether a fenced code block is open;
 * {@link #fenceToggles} lets the caller find it without styling the lines above.
 *
 * <p>Pure and thread-safe. CSS classes: {@code md-h1}…{@code md-h6}, {@code md-heading},
 * {@code md-strong}, {@code md-em}, {@code md-code}, {@code md-fence}, {@code md-wikilink},
 * {@code md-link}, {@code md-tag}, {@code md-quote}, {@code md-list}, {@code md-rule}; a wikilink
 * whose target reaches no note also gets {@code md-wikilink-unresolved}.
 */
public final class MarkdownHighlighter {
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s");
  private static final Pattern LIST = Pattern.compile("^(\\s*)([-*+]|\\d{1,9}[.)])(\\s+\\[[ xX]\\])?\\s");
  private static final Pattern RULE = Pattern.compile("^\\s{0,3}([-*_])(\\s*\\1){2,}\\s*$");
  private static final Pattern INLINE = Pattern.compile(
      "(?<wikilink>!?\\[\\[[^\\]\\n]+\\]\\])"
          + "|(?<code>`[^`]+`)"
          + "|(?<strong>\\*\\*[^*\\s][^*]*\\*\\*|__[^_\\s][^_]*__)"
          + "|(?<em>\\*[^*\\s][^*]*\\*|(?<![\\p{L}\\p{N}])_[^_\\s][^_]*_(?![\\p{L}\\p{N}]))"
          + "|(?<link>!?\\[[^\\]\\n]*\\]\\([^)\\s]*\\)|https?://[^\\s<>)\\]]+)"
          + "|(?<tag>(?<![\\p{L}\\p{N}_#&/])#[\\p{L}\\p{N}_/-]*[\\p{L}_/-][\\p{L}\\p{N}_/-]*)");
  private static final List<String> NONE = List.of();
  /** The extra class of a wikilink that reaches no note. */
  public static final String UNRESOLVED = "md-wikilink-unresolved";

  private MarkdownHighlighter() {}

  /** True when the line opens or closes a fenced code block. */
  public static boolean fenceToggles(String line) {
    // Hand-written, not a regex: it runs for every line above an edit.
    int i = 0;
    while (i < 3 && i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return line.startsWith("```", i) || line.startsWith("~~~", i);
  }

  /** Styles one line; {@code insideFence} says whether a code fence is open when it starts. */
  public static StyleSpans<Collection<String>> styleLine(String line, boolean insideFence) {
    return styleLine(line, insideFence, target -> false);
  }

  /**
   * Styles one line, marking wikilinks whose target (as {@link #linkTarget} reads it) is
   * {@code unresolved}.
   */
  public static StyleSpans<Collection<String>> styleLine(String line, boolean insideFence,
                                                         java.util.function.Predicate<String> unresolved) {
    StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
    if (line.isEmpty()) {
      spans.add(NONE, 0);
      return spans.create();
    }
    if (insideFence || fenceToggles(line)) {
      spans.add(List.of("md-fence"), line.length());
      return spans.create();
    }
    Matcher heading = HEADING.matcher(line);
    if (heading.find()) {
      int level = heading.group(1).length();
      spans.add(List.of("md-heading", "md-h" + level), line.length());
      return spans.create();
    }
    if (RULE.matcher(line).matches()) {
      spans.add(List.of("md-rule"), line.length());
      return spans.create();
    }
    List<String> base = line.startsWith(">") ? List.of("md-quote") : NONE;
    int at = 0;
    Matcher list = LIST.matcher(line);
    if (list.find()) {
      spans.add(base, list.start(2));
      spans.add(List.of("md-list"), list.end() - list.start(2));
      at = list.end();
    }
    Matcher m = INLINE.matcher(line);
    m.region(at, line.length());
    while (m.find()) {
      spans.add(base, m.start() - at);
      String style = styleOf(m);
      if (style.equals("md-wikilink") && unresolved.test(linkTarget(m.group()))) {
        spans.add(base.isEmpty() ? List.of(style, UNRESOLVED) : List.of(base.get(0), style, UNRESOLVED), m.end() - m.start());
      } else {
        spans.add(with(base, style), m.end() - m.start());
      }
      at = m.end();
    }
    spans.add(base, line.length() - at);
    return spans.create();
  }

  /** The target of a wikilink as written ({@code ![[Target#Heading|Alias]]} → {@code Target}), trimmed. */
  public static String linkTarget(String wikilink) {
    int from = wikilink.startsWith("!") ? 3 : 2;
    int to = wikilink.endsWith("]]") ? wikilink.length() - 2 : wikilink.length();
    String inner = from <= to ? wikilink.substring(from, to) : "";
    int bar = inner.indexOf('|');
    if (bar >= 0) {
      inner = inner.substring(0, bar);
    }
    int hash = inner.indexOf('#');
    return (hash >= 0 ? inner.substring(0, hash) : inner).strip();
  }

  private static String styleOf(Matcher m) {
    if (m.group("wikilink") != null) {
      return "md-wikilink";
    }
    if (m.group("code") != null) {
      return "md-code";
    }
    if (m.group("strong") != null) {
      return "md-strong";
    }
    if (m.group("em") != null) {
      return "md-em";
    }
    if (m.group("link") != null) {
      return "md-link";
    }
    return "md-tag";
  }

  private static List<String> with(List<String> base, String style) {
    return base.isEmpty() ? List.of(style) : List.of(base.get(0), style);
  }
}
