package org.rhizome.ui.editor;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.query.lang.Ast;
import org.rhizome.graph.query.lang.QueryException;
import org.rhizome.graph.query.lang.QueryResult;
import org.rhizome.graph.query.lang.QueryResultHtml;
import org.rhizome.ui.query.QueryView;
import org.rhizome.ui.render.ObsidianMarkdown;
import org.rhizome.ui.render.WorkspaceLinks;

/**
 * {@code ```query} blocks in the reading view: the block's text runs as a query of the query
 * language (docs/queries.md) over the workspace the page is rendered in, and its result is shown in
 * place of the code (a table, list, task list or count; a bad query shows its error with line and
 * column). Links in the result follow as any link of the page; task checkboxes tick the task in its
 * note.
 */
final class QueryBlocks {
  /**
   * A fence line that opens a query block: the reading view renders such a note again on any
   * change.
   */
  private static final Pattern FENCE = Pattern.compile("(?m)^\\s{0,3}(```|~~~)\\s*query\\s*$");

  /**
   * A first line {@code view: cards} or {@code view: board} shows a note result as cards or a
   * board.
   */
  private static final Pattern VIEW =
      Pattern.compile("\\s*view\\s*:\\s*(cards|board)\\s*(\\R|$)", Pattern.CASE_INSENSITIVE);

  private static final String CARD_STYLE =
      "<style>.rz-query-cards{display:flex;flex-wrap:wrap;gap:10px}"
          + ".rz-query-board{display:flex;gap:12px;overflow-x:auto;align-items:flex-start}"
          + ".rz-board-column{background:rgba(127,127,127,.08);border-radius:8px;padding:8px;min-width:200px;flex:0 0 220px}"
          + ".rz-board-column h4{margin:0 0 8px}.rz-board-count{opacity:.6;font-weight:normal}"
          + ".rz-card{border:1px solid rgba(127,127,127,.35);border-radius:6px;padding:8px 10px;margin-bottom:8px;min-width:180px}"
          + ".rz-card-title{font-weight:600}.rz-card-field{font-size:.85em;opacity:.75}"
          + ".rz-query-board .rz-card{cursor:grab;-webkit-user-select:none;-webkit-user-drag:none}</style>";
  private static final Pattern RESULT_LINK = Pattern.compile("href=\"rhizome:([^\"]*)\"");

  private QueryBlocks() {}

  static void install(ObsidianMarkdown markdown) {
    markdown.withFencedBlock(
        "query",
        (code, folder, links) -> {
          if (!(links instanceof WorkspaceLinks workspaceLinks)) {
            return QueryResultHtml.error("A query runs only inside a workspace.");
          }
          try {
            Matcher view = VIEW.matcher(code);
            if (view.lookingAt()) {
              String query = code.substring(view.end());
              QueryResult r = workspaceLinks.workspace().query(query);
              if (r.kind() != Ast.Kind.TABLE && r.kind() != Ast.Kind.LIST) {
                return QueryResultHtml.error("Cards and boards show table and list queries.");
              }
              if (view.group(1).equalsIgnoreCase("cards")) {
                return CARD_STYLE + readingViewLinks(QueryResultHtml.renderCards(r));
              }
              String property = QueryView.boardProperty(query);
              if (property == null) {
                return QueryResultHtml.error(
                    "A board needs \"group by <property>\": its columns are the property's values.");
              }
              return CARD_STYLE + readingViewLinks(QueryResultHtml.renderBoard(r, property));
            }
            return readingViewLinks(QueryResultHtml.render(workspaceLinks.workspace().query(code)));
          } catch (QueryException e) {
            return QueryResultHtml.error(e.getMessage());
          } catch (StoreException e) {
            return QueryResultHtml.error("The query could not be run: " + e.getMessage());
          }
        });
  }

  /** Whether a note holds a query block (so any change may change what it shows). */
  static boolean present(String markdown) {
    return markdown.contains("query") && FENCE.matcher(markdown).find();
  }

  /**
   * A result links notes as {@code rhizome:<name>}; the page follows names as {@code
   * rhizome:new/<name>} (opened if it exists).
   */
  static String readingViewLinks(String html) {
    Matcher m = RESULT_LINK.matcher(html);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
      String href =
          MarkdownHtml.NEW + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
      m.appendReplacement(out, Matcher.quoteReplacement("href=\"" + href + "\""));
    }
    m.appendTail(out);
    return out.toString();
  }
}
