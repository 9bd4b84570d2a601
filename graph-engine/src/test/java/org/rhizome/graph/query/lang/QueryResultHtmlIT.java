package org.rhizome.graph.query.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;

/** Query results as HTML, from a real workspace: links, checkboxes, escaping. */
class QueryResultHtmlIT {
  @TempDir Path dir;

  @Test
  void rendersTablesListsTasksAndCountsEscaped() throws Exception {
    try (Workspace ws =
        Workspace.open(dir.resolve("ws.db"), DeviceKey.generate(new SecureRandom()))) {
      ws.createNote(
          "Work",
          "A <b>&",
          "---\nowner: \"[[Bob]]\"\nok: true\n---\n- [x] ship <it> 📅 2026-12-24\n- [ ] next");
      String table = QueryResultHtml.render(ws.query("table owner, ok"));
      assertThat(table)
          .contains(
              "<a class=\"internal-link\" href=\"rhizome:Work%2FA+%3Cb%3E%26\">A &lt;b&gt;&amp;</a>")
          .contains("href=\"rhizome:Bob\">Bob</a>")
          .contains("<input type=\"checkbox\" disabled checked>")
          .doesNotContain("<b>");
      String tasks = QueryResultHtml.render(ws.query("tasks"));
      assertThat(tasks)
          .contains(
              "data-line=\"4\" checked> ship &lt;it&gt; <span class=\"rz-task-due\">📅 2026-12-24</span>")
          .contains("data-line=\"5\"> next");
      assertThat(QueryResultHtml.render(ws.query("list where title = \"none\"")))
          .contains("No results.");
      assertThat(QueryResultHtml.render(ws.query("count")))
          .contains("<p class=\"rz-query-count\">1</p>");
      assertThat(QueryResultHtml.render(ws.query("list group by folder")))
          .contains("<h4 class=\"rz-query-group\">Work</h4>");
      assertThat(QueryResultHtml.error("line 1, column 1: <bad>"))
          .isEqualTo("<p class=\"rz-query-error\">line 1, column 1: &lt;bad&gt;</p>");
    }
  }
}
