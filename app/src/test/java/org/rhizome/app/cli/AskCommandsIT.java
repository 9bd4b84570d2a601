package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rhizome query} and {@code rhizome tasks}: the query language from the command line. */
class AskCommandsIT {
  @TempDir Path data;
  CliRunner cli;
  String today = LocalDate.now().toString();
  String tomorrow = LocalDate.now().plusDays(1).toString();
  String lastYear = LocalDate.now().minusYears(1).toString();

  @BeforeEach
  void setUp() {
    cli = new CliRunner(data);
    cli.add(
        "Alpha",
        "---\nrating: 4\nstatus: active\n---\n#project\n- [ ] due today 📅 "
            + today
            + "\n- [x] finished ✅ "
            + today);
    cli.add(
        "Beta",
        "---\nrating: 2\n---\n#project links [[Alpha]]\n- [ ] late 📅 "
            + lastYear
            + " ⏫\n- [ ] someday");
    cli.add("Gamma", "no rating\n- [ ] soon [due:: " + tomorrow + "]");
  }

  @Test
  void queryPrintsATableAndJson() {
    CliRunner.Result text = cli.run("query", "table rating, status from #project sort rating desc");
    assertThat(text.exitCode()).isZero();
    assertThat(text.out())
        .contains("note   rating  status")
        .contains("Alpha       4  active")
        .contains("Beta        2");

    JsonNode json =
        cli.json("query", "table", "rating", "from", "#project", "sort", "rating", "--json");
    assertThat(json.get("kind").asText()).isEqualTo("table");
    assertThat(json.get("columns").get(0).asText()).isEqualTo("rating");
    assertThat(json.get("rows")).hasSize(2);
    assertThat(json.get("rows").get(0).get("title").asText()).isEqualTo("Beta");
    assertThat(json.get("rows").get(0).get("values").get(0).asLong()).isEqualTo(2);

    assertThat(cli.run("query", "count where rating > 3").out().strip()).isEqualTo("1");
    assertThat(
            cli.json("query", "list from links to [[Alpha]]", "--json")
                .get("rows")
                .get(0)
                .get("title")
                .asText())
        .isEqualTo("Beta");
  }

  @Test
  void aBadQueryIsInvalidInputWithItsPosition() {
    CliRunner.Result r = cli.run("query", "list where rating >");
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.err()).contains("line 1, column 20: expected a value");
  }

  @Test
  void tasksFiltersByDueAndDone() {
    JsonNode open = cli.json("tasks", "--json");
    assertThat(open.get("tasks"))
        .extracting(t -> t.get("task").get("text").asText())
        .containsExactly("late", "due today", "soon", "someday"); // soonest due first, undated last
    JsonNode late = open.get("tasks").get(0);
    assertThat(late.get("title").asText()).isEqualTo("Beta");
    assertThat(late.get("task").get("line").asInt()).isEqualTo(5);
    assertThat(late.get("task").get("priority").asInt()).isEqualTo(4);
    assertThat(late.get("task").get("due").asText()).isEqualTo(lastYear);

    assertThat(cli.json("tasks", "--due", "today", "--json").get("tasks")).hasSize(1);
    assertThat(cli.json("tasks", "--due", "overdue", "--json").get("tasks")).hasSize(1);
    assertThat(cli.json("tasks", "--due", "week", "--json").get("tasks")).hasSize(2);
    assertThat(cli.json("tasks", "--due", tomorrow, "--json").get("tasks")).hasSize(3);
    assertThat(cli.json("tasks", "--done", "--json").get("tasks"))
        .extracting(t -> t.get("task").get("text").asText())
        .containsExactly("finished");
    assertThat(cli.run("tasks").out()).contains("- [ ] late  due " + lastYear + "  (Beta:5)");
    assertThat(cli.run("tasks", "--due", "soon").exitCode()).isEqualTo(2);
  }
}
