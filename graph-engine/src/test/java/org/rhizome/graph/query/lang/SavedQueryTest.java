package org.rhizome.graph.query.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which notes are saved queries, and what their query and view are. */
class SavedQueryTest {
  @Test
  void aNoteMarkedTypeQueryHoldsItsFirstQueryBlock() {
    assertThat(
            SavedQuery.of(
                "---\ntype: query\ntags: [x]\n---\n# Work\n\n```query\nview: board\n"
                    + "table owner group by status\n```\n\n```query\nlist\n```\n"))
        .contains(new SavedQuery("table owner group by status", "board"));
    assertThat(SavedQuery.of("---\nType: Query\n---\n~~~~ query\nlist from #a\n~~~~\n"))
        .contains(new SavedQuery("list from #a", "table"));
    assertThat(
            SavedQuery.of(
                "---\r\ntype: query\r\n---\r\n```query\r\nView: CARDS\r\nlist\r\n```\r\n"))
        .contains(new SavedQuery("list", "cards"));
    // A block never closed runs to the end, as a fenced block does.
    assertThat(SavedQuery.of("---\ntype: query\n---\n```query\ncount"))
        .contains(new SavedQuery("count", "table"));
  }

  @Test
  void aMarkedNoteWithoutABlockIsAnEmptySavedQuery() {
    Optional<SavedQuery> q = SavedQuery.of("---\ntype: query\n---\nNothing yet.");
    assertThat(q).isPresent();
    assertThat(q.get().isEmpty()).isTrue();
  }

  @Test
  void otherNotesAreNotSavedQueries() {
    assertThat(SavedQuery.of("```query\nlist\n```\n"))
        .isEmpty(); // a block alone: a note with a query
    assertThat(SavedQuery.of("---\ntype: note\nabout: query\n---\n```query\nlist\n```")).isEmpty();
    assertThat(SavedQuery.of("---\ntype: [query]\n---\n```query\nlist\n```")).isEmpty();
    assertThat(SavedQuery.of("type: query\n```query\nlist\n```")).isEmpty();
    assertThat(SavedQuery.of("")).isEmpty();
  }

  @Test
  void aBoardColumnReadsBackWithItsType() {
    assertThat(QueryResultHtml.boardValue("number", "3")).isEqualTo(3.0);
    assertThat(QueryResultHtml.boardValue("checkbox", "true")).isEqualTo(true);
    assertThat(QueryResultHtml.boardValue("date", "2026-12-24"))
        .isEqualTo(new QueryResult.DateValue(org.rhizome.graph.tasks.Dates.parse("2026-12-24")));
    assertThat(QueryResultHtml.boardValue("link", "Bob"))
        .isEqualTo(new QueryResult.LinkValue("Bob"));
    assertThat(QueryResultHtml.boardValue("text", "3")).isEqualTo("3");
    assertThat(QueryResultHtml.boardValue("", "")).isNull(); // the "(none)" column
    assertThat(QueryResultHtml.boardValue("number", "three")).isNull();
    assertThat(PropertyEdit.set("---\nrating: 1\n---\n", "rating", 3.0).get(0).text())
        .isEqualTo("rating: 3");
  }
}
