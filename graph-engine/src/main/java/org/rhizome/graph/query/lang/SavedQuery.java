package org.rhizome.graph.query.lang;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rhizome.graph.markdown.FrontMatterLines;
import org.rhizome.graph.markdown.MarkdownParser;
import org.rhizome.graph.note.PropertyRows;

/**
 * A note that is a saved query (docs/queries.md, "Saved queries"): its front matter says {@code
 * type: query} and its query is the first {@code ```query} block of its body. The block's optional
 * first line {@code view: table|list|cards|board} says how a view shows the result. Kept as an
 * ordinary note, so it syncs, merges and shows in history like any other, and reads as a query
 * block in other Markdown tools.
 *
 * @param text the query (without the {@code view:} line)
 * @param view {@code table}, {@code list}, {@code cards} or {@code board} (lower case; {@code
 *     table} when not given)
 */
public record SavedQuery(String text, String view) {
  /** The front-matter {@code type} that marks a saved query. */
  public static final String TYPE = "query";

  private static final Pattern OPEN =
      Pattern.compile("(?m)^ {0,3}(`{3,}|~{3,})[ \\t]*query[ \\t]*\\r?$");
  private static final Pattern VIEW =
      Pattern.compile(
          "[ \\t]*view[ \\t]*:[ \\t]*(table|list|cards|board)[ \\t]*(\\R|$)",
          Pattern.CASE_INSENSITIVE);

  /** Whether a note's front-matter properties mark it as a saved query. */
  public static boolean marks(Map<String, Object> properties) {
    for (Map.Entry<String, Object> e : properties.entrySet()) {
      if (PropertyRows.key(e.getKey()).equals("type")
          && e.getValue() instanceof String s
          && s.strip().equalsIgnoreCase(TYPE)) {
        return true;
      }
    }
    return false;
  }

  /** The saved query a note's text holds; empty when the note is not marked {@code type: query}. */
  public static Optional<SavedQuery> of(String body) {
    if (!mayBe(body) || !marks(new MarkdownParser().parse(body).frontMatter().properties())) {
      return Optional.empty();
    }
    return Optional.of(
        firstBlock(body).map(SavedQuery::ofBlock).orElse(new SavedQuery("", "table")));
  }

  /**
   * A cheap test before parsing: the note starts with a front matter block that mentions {@code
   * query} (most notes are rejected by their first characters, whatever their length).
   */
  static boolean mayBe(String body) {
    return FrontMatterLines.find(body)
        .map(b -> body.substring(b.contentStart(), b.contentEnd()).toLowerCase(Locale.ROOT))
        .filter(yaml -> yaml.contains(TYPE))
        .isPresent();
  }

  /** The text of the first {@code ```query} block (up to its closing fence or the end). */
  public static Optional<String> firstBlock(String body) {
    Matcher open = OPEN.matcher(body);
    if (!open.find()) {
      return Optional.empty();
    }
    String fence = open.group(1);
    int nl = body.indexOf('\n', open.end());
    int from = nl < 0 ? body.length() : nl + 1;
    Matcher close =
        Pattern.compile(
                "(?m)^ {0,3}"
                    + Pattern.quote(fence.substring(0, 1))
                    + "{"
                    + fence.length()
                    + ",}"
                    + "[ \\t]*\\r?$")
            .matcher(body);
    int end = close.find(from) ? close.start() : body.length();
    return Optional.of(body.substring(from, Math.max(from, end)));
  }

  /** A query block's text: its {@code view:} line (if any) and the query after it. */
  public static SavedQuery ofBlock(String code) {
    Matcher view = VIEW.matcher(code);
    if (view.lookingAt()) {
      return new SavedQuery(
          code.substring(view.end()).strip(), view.group(1).toLowerCase(Locale.ROOT));
    }
    return new SavedQuery(code.strip(), "table");
  }

  /** A note marked as a saved query without a query block has an empty text. */
  public boolean isEmpty() {
    return text.isEmpty();
  }
}
