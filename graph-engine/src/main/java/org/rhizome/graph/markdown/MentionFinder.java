package org.rhizome.graph.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Finds unlinked mentions; the contract is on {@link LinkRewriter#findMentions}. */
final class MentionFinder {

  private MentionFinder() {}

  static List<Mention> findMentions(String markdown, String phrase) {
    Objects.requireNonNull(markdown, "markdown");
    Objects.requireNonNull(phrase, "phrase");
    String needle = phrase.strip();
    List<Mention> mentions = new ArrayList<>();
    if (needle.isEmpty()) {
      return mentions;
    }
    MarkdownParser.Layout layout = MarkdownParser.SHARED.layout(markdown, new ArrayList<>());
    List<WikiLink> links = new ArrayList<>();
    WikiSyntaxScanner linkScanner = new WikiSyntaxScanner(markdown, layout.lines(), links);
    layout.body().syntax().forEachGap(layout.bodyStart(), markdown.length(), linkScanner::scan);

    RangeList.Builder skipped =
        new RangeList.Builder().addAll(layout.body().syntax()).addAll(layout.body().linkNodes());
    for (WikiLink link : links) {
      skipped.add(link.start(), link.end());
    }
    boolean wordAtStart = isWordChar(needle.codePointAt(0));
    boolean wordAtEnd = isWordChar(needle.codePointBefore(needle.length()));
    skipped
        .build()
        .forEachGap(
            layout.bodyStart(),
            markdown.length(),
            (from, to) -> {
              for (int i = from; i + needle.length() <= to; ) {
                if (markdown.regionMatches(true, i, needle, 0, needle.length())
                    && (!wordAtStart || i == 0 || !isWordChar(markdown.codePointBefore(i)))
                    && (!wordAtEnd
                        || i + needle.length() == markdown.length()
                        || !isWordChar(markdown.codePointAt(i + needle.length())))) {
                  int end = i + needle.length();
                  mentions.add(
                      new Mention(
                          i,
                          end,
                          layout.lines().lineOf(i),
                          layout.lines().lineTextAround(i, end, MarkdownParser.MAX_LINE_TEXT)));
                  i = end;
                } else {
                  i++;
                }
              }
            });
    return mentions;
  }

  /** Letters and digits; not '_', so that {@code _Rust_} (emphasis) is a mention of "Rust". */
  private static boolean isWordChar(int codePoint) {
    return Character.isLetterOrDigit(codePoint);
  }
}
