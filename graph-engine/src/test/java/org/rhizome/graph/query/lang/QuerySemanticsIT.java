package org.rhizome.graph.query.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.tasks.Dates;

/** The query language's meaning, on a real SQLite workspace (docs/queries.md). */
class QuerySemanticsIT {
  @TempDir Path dir;
  Workspace ws;

  @BeforeEach
  void open() throws Exception {
    ws = Workspace.open(dir.resolve("ws.db"), DeviceKey.generate(new SecureRandom()));
    ws.createNote(
        "Projects",
        "Alpha",
        "---\nstatus: active\nrating: 4\ndue: 2026-12-24\nowner: \"[[Bob]]\"\npeople: [Ann, Bob]\n"
            + "done: false\naliases: [A1]\ntags: [project/rhizome]\n---\nLinks [[Beta]] and [[Gamma]]. #work\n"
            + "- [ ] write docs 📅 2026-12-20 ⏫ #docs\n- [x] ship it ✅ 2026-12-01\n- [/] halfway [due:: 2026-12-31]\n");
    ws.createNote(
        "Projects",
        "Beta",
        "---\nstatus: paused\nrating: 2\n---\nsee [[Gamma]] #work/deep\n- [-] dropped\n");
    ws.createNote(
        "Gamma", "---\nrating: 5\n---\nback to [[A1]] (alias of Alpha); the quick brown fox\n");
    ws.createNote(
        "Archive", "Delta", "lonely, mentions fox too\n```\n- [ ] not a task in code\n```\n");
    ws.createNote("Bob", "a person [[Delta]]");
    ws.createNote("Island", "no links at all");
  }

  @AfterEach
  void close() {
    ws.close();
  }

  private List<String> titles(String q) throws Exception {
    return ws.query(q).rows().stream().map(QueryResult.Row::title).toList();
  }

  @Test
  void sourcesSelectNotes() throws Exception {
    assertThat(titles("list")).containsExactly("Alpha", "Beta", "Bob", "Delta", "Gamma", "Island");
    assertThat(titles("list from \"Projects\"")).containsExactly("Alpha", "Beta");
    assertThat(titles("list from folder \"projects/\"")).containsExactly("Alpha", "Beta");
    assertThat(titles("list from #work")).containsExactly("Alpha", "Beta");
    assertThat(titles("list from #work/deep")).containsExactly("Beta");
    assertThat(titles("list from #project")).containsExactly("Alpha");
    assertThat(titles("list from links to [[Gamma]]")).containsExactly("Alpha", "Beta");
    assertThat(titles("list from [[Alpha]]")).containsExactly("Gamma"); // via the alias A1
    assertThat(titles("list from linked from [[Alpha]]")).containsExactly("Beta", "Bob", "Gamma");
    assertThat(titles("list from #work and not links to [[Beta]]")).containsExactly("Beta");
    assertThat(titles("list from #work/deep or \"Archive\"")).containsExactly("Beta", "Delta");
    assertThat(titles("list from within 1 of [[Gamma]]")).containsExactly("Alpha", "Beta");
    assertThat(titles("list from within 1 of [[Gamma]] outgoing")).containsExactly("Alpha");
    assertThat(titles("list from within 1 of [[Gamma]] incoming")).containsExactly("Alpha", "Beta");
    assertThat(titles("list from within 2 links of [[Bob]]"))
        .containsExactly("Alpha", "Beta", "Delta", "Gamma");
    assertThat(titles("list from within 3 of [[Beta]]"))
        .containsExactly("Alpha", "Bob", "Delta", "Gamma");
    assertThat(titles("list from path from [[Beta]] to [[Alpha]]"))
        .containsExactly("Alpha", "Beta");
    assertThat(titles("list from path from [[Delta]] to [[Beta]]"))
        .containsExactly("Alpha", "Beta", "Bob", "Delta");
    assertThat(titles("list from path from [[Island]] to [[Alpha]]")).isEmpty();
  }

  @Test
  void whereFiltersOverFieldsAndTypedProperties() throws Exception {
    assertThat(titles("list where rating > 3")).containsExactly("Alpha", "Gamma");
    assertThat(titles("list where rating >= 2 and status != \"active\""))
        .containsExactly("Beta", "Gamma");
    assertThat(titles("list where not (rating > 3)"))
        .containsExactly("Beta", "Bob", "Delta", "Island");
    assertThat(titles("list where status = \"active\"")).containsExactly("Alpha");
    assertThat(titles("list where nosuchprop = null")).hasSize(6);
    assertThat(titles("list where due < date(\"2027-01-01\")")).containsExactly("Alpha");
    assertThat(titles("list where due = \"2026-12-24\""))
        .isEmpty(); // text is not a date: a property's type is per note
    assertThat(titles("list where people contains \"ann\"")).containsExactly("Alpha");
    assertThat(titles("list where owner = \"Bob\"")).containsExactly("Alpha");
    assertThat(titles("list where done = false")).containsExactly("Alpha");
    assertThat(titles("list where tags contains \"work\"")).containsExactly("Alpha", "Beta");
    assertThat(titles("list where #project/rhizome")).containsExactly("Alpha");
    assertThat(titles("list where aliases contains \"a1\"")).containsExactly("Alpha");
    assertThat(titles("list where links contains \"gamma\"")).containsExactly("Alpha", "Beta");
    assertThat(titles("list where length(backlinks) >= 2")).containsExactly("Gamma");
    assertThat(titles("list where backlinks contains \"Gamma\"")).containsExactly("Alpha");
    assertThat(titles("list where search(\"fox\")")).containsExactly("Delta", "Gamma");
    assertThat(titles("list where title contains \"et\"")).containsExactly("Beta");
    assertThat(titles("list where folder = \"Projects\" and startswith(title, \"a\")"))
        .containsExactly("Alpha");
    assertThat(titles("list where open_tasks = 2")).containsExactly("Alpha");
    assertThat(titles("list where any_task(due < date(\"2026-12-25\") and not completed)"))
        .containsExactly("Alpha");
    assertThat(titles("list where created <= now() and modified > date(\"2020-01-01\")"))
        .hasSize(6);
    assertThat(titles("list where author = \"" + hex(ws) + "\"")).hasSize(6);
  }

  private static String hex(Workspace ws) {
    return ws.actor().toString().toLowerCase(java.util.Locale.ROOT);
  }

  @Test
  void sortGroupLimitAndComputedColumns() throws Exception {
    assertThat(titles("list sort rating desc"))
        .containsExactly("Gamma", "Alpha", "Beta", "Bob", "Delta", "Island");
    assertThat(titles("list sort rating"))
        .containsExactly("Beta", "Alpha", "Gamma", "Bob", "Delta", "Island"); // empty values last
    assertThat(titles("list sort folder, title desc limit 3"))
        .containsExactly("Island", "Gamma", "Bob");
    QueryResult t =
        ws.query(
            "table rating * 2 as double, upper(title), length(links) as out, due, people, owner,"
                + " days_between(date(\"2026-12-20\"), due) as slack, tags from \"Projects\" sort title");
    assertThat(t.columns())
        .containsExactly(
            "double", "upper(title)", "out", "due", "people", "owner", "slack", "tags");
    assertThat(t.rows().get(0).values())
        .containsExactly(
            8.0,
            "ALPHA",
            3.0,
            new QueryResult.DateValue(Dates.parse("2026-12-24")),
            List.of("Ann", "Bob"),
            new QueryResult.LinkValue("Bob"),
            4.0,
            List.of("docs", "project/rhizome", "work"));
    assertThat(t.rows().get(1).values().get(3)).isNull();
    QueryResult g = ws.query("list group by folder sort title");
    assertThat(g.groups())
        .extracting(QueryResult.Group::key)
        .containsExactly("", "Archive", "Projects");
    QueryResult c = ws.query("count where rating > 1");
    assertThat(c.count()).isEqualTo(3);
    QueryResult cg = ws.query("count group by status");
    assertThat(cg.rows())
        .extracting(QueryResult.Row::group)
        .containsExactly(null, "active", "paused");
    assertThat(cg.rows()).extracting(r -> r.values().get(0)).containsExactly(4.0, 1.0, 1.0);
  }

  @Test
  void tasksQueries() throws Exception {
    QueryResult all = ws.query("tasks");
    assertThat(all.rows())
        .extracting(r -> r.task().text())
        .containsExactly("write docs #docs", "ship it", "halfway", "dropped");
    assertThat(titles("tasks where not completed and not cancelled"))
        .containsExactly("Alpha", "Alpha");
    QueryResult due = ws.query("tasks where due <= date(\"2026-12-31\") sort due desc");
    assertThat(due.rows())
        .extracting(r -> r.task().text())
        .containsExactly("halfway", "write docs #docs");
    assertThat(ws.query("tasks where priority = 4").rows())
        .extracting(r -> r.task().line())
        .containsExactly(11);
    assertThat(ws.query("tasks where tags contains \"docs\"").rows()).hasSize(1);
    assertThat(ws.query("tasks where done = date(\"2026-12-01\")").rows())
        .extracting(r -> r.task().completed())
        .containsExactly(true);
    assertThat(ws.query("tasks where status = \"/\"").rows()).hasSize(1);
    assertThat(ws.query("tasks from \"Projects\" where note.rating < 3").rows())
        .extracting(r -> r.task().mark())
        .containsExactly('-');
    assertThat(ws.query("tasks group by title").groups()).hasSize(2);
  }

  @Test
  void unknownAnchorIsAWarningNotAnError() throws Exception {
    QueryResult r = ws.query("list from links to [[Nobody]]");
    assertThat(r.rows()).isEmpty();
    assertThat(r.warnings()).containsExactly("no note named 'Nobody'");
  }

  @Test
  void compileErrorsArePositioned() {
    assertThatThrownBy(() -> ws.query("list where date(\"soon\") > 1"))
        .isInstanceOf(QueryException.class)
        .hasMessage(
            "line 1, column 17: date() needs a date such as \"2026-12-24\" or \"2026-12-24T09:30\", not \"soon\"");
  }

  @Test
  void tickingATaskIsOneCharacterEdit() throws Exception {
    Soul alpha = ws.resolve("Alpha").orElseThrow().soul();
    int line = ws.query("tasks where text = \"write docs #docs\"").rows().get(0).task().line();
    ws.toggleTaskAsync(alpha, line).get();
    assertThat(ws.findNote(alpha).orElseThrow().body()).contains("- [x] write docs");
    assertThat(ws.query("tasks where completed").rows()).hasSize(2);
    ws.toggleTaskAsync(alpha, line).get();
    assertThat(ws.findNote(alpha).orElseThrow().body()).contains("- [ ] write docs");
    assertThatThrownBy(() -> ws.toggleTaskAsync(alpha, 0).get())
        .hasCauseInstanceOf(org.rhizome.graph.tasks.NoSuchTaskException.class);
  }
}
