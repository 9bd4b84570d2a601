package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryCommandsIT {
  @TempDir Path data;
  CliRunner cli;
  String alpha;
  String beta;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(data);
    alpha = cli.add("Alpha", "Alpha is about gardens. #project/rhizome #idea");
    beta =
        cli.add(
            "Beta",
            "Beta links to [[Alpha]] and [[Missing]].\nSee [[Alpha#Start|the start]]. #idea");
    cli.add("Gamma", "Gamma names Alpha without linking.");
  }

  @Test
  void searchFindsMatchesWithHighlightedSnippets() {
    JsonNode result = cli.json("search", "gardens", "--json");

    assertThat(result.get("query").asText()).isEqualTo("gardens");
    JsonNode hits = result.get("hits");
    assertThat(hits).hasSize(1);
    JsonNode hit = hits.get(0);
    assertThat(hit.get("id").asText()).isEqualTo(alpha);
    assertThat(hit.get("title").asText()).isEqualTo("Alpha");
    String snippet = hit.get("snippet").asText();
    JsonNode highlight = hit.get("highlights").get(0);
    assertThat(snippet.substring(highlight.get("start").asInt(), highlight.get("end").asInt()))
        .isEqualToIgnoringCase("gardens");
  }

  @Test
  void searchTextIsPlainOffATerminalAndBoldOnOne() {
    String plain = cli.run("search", "gardens").out();
    String bold = cli.onTerminal().run("search", "gardens").out();

    assertThat(plain)
        .contains("Alpha  (" + alpha + ")")
        .contains("gardens")
        .doesNotContain("\u001B[");
    assertThat(bold).contains("\u001B[1mgardens\u001B[22m");
  }

  @Test
  void searchJoinsWordsAndHonoursLimit() {
    assertThat(cli.json("search", "Alpha", "--limit", "2", "--json").get("hits")).hasSize(2);
    assertThat(cli.json("search", "beta", "links", "--json").get("hits")).hasSize(1);
    assertThat(cli.json("search", "nothing-like-this", "--json").get("hits")).isEmpty();
  }

  @Test
  void backlinksListLinkedThenUnlinkedMentions() {
    JsonNode mentions = cli.json("backlinks", "Alpha", "--json");

    assertThat(mentions.get("note").get("id").asText()).isEqualTo(alpha);
    JsonNode linked = mentions.get("linked");
    assertThat(linked).hasSize(2);
    assertThat(linked.get(0).get("source").get("id").asText()).isEqualTo(beta);
    assertThat(linked.get(0).get("line").asInt()).isEqualTo(1);
    assertThat(linked.get(0).get("context").asText()).contains("[[Alpha]]");
    assertThat(linked.get(1).get("line").asInt()).isEqualTo(2);
    JsonNode unlinked = mentions.get("unlinked");
    assertThat(unlinked).hasSize(1);
    assertThat(unlinked.get(0).get("source").get("title").asText()).isEqualTo("Gamma");

    String text = cli.run("backlinks", "Alpha").out();
    assertThat(text)
        .contains("Linked mentions of \"Alpha\" (2)")
        .contains("Unlinked mentions (1)")
        .contains("Gamma  line 1  Gamma names Alpha without linking.");
  }

  @Test
  void linksMarkUnresolvedTargets() {
    JsonNode links = cli.json("links", "Beta", "--json").get("links");

    assertThat(links).hasSize(3);
    assertThat(links.get(0).get("target").asText()).isEqualTo("Alpha");
    assertThat(links.get(0).get("resolved").get("id").asText()).isEqualTo(alpha);
    assertThat(links.get(1).get("target").asText()).isEqualTo("Missing");
    assertThat(links.get(1).get("resolved").isNull()).isTrue();
    assertThat(links.get(2).get("heading").asText()).isEqualTo("Start");
    assertThat(links.get(2).get("alias").asText()).isEqualTo("the start");

    String text = cli.run("links", "Beta").out();
    assertThat(text)
        .contains("[[Missing]]")
        .containsPattern("\\[\\[Missing]]\\s+unresolved")
        .contains("[[Alpha#Start|the start]]  -> Alpha");
  }

  @Test
  void unresolvedCountsLinksAndNotes() {
    JsonNode targets = cli.json("unresolved", "--json").get("unresolved");

    assertThat(targets).hasSize(1);
    assertThat(targets.get(0).get("target").asText()).isEqualTo("Missing");
    assertThat(targets.get(0).get("links").asInt()).isEqualTo(1);
    assertThat(targets.get(0).get("notes").asInt()).isEqualTo(1);
  }

  @Test
  void tagsAreCountedPerNote() {
    JsonNode tags = cli.json("tags", "--json").get("tags");

    // Nested tags roll up: #project/rhizome counts for #project too.
    assertThat(tags).hasSize(3);
    assertThat(tags.get(0).get("tag").asText()).isEqualTo("idea");
    assertThat(tags.get(0).get("notes").asInt()).isEqualTo(2);
    assertThat(tags.get(1).get("tag").asText()).isEqualTo("project");
    assertThat(tags.get(2).get("tag").asText()).isEqualTo("project/rhizome");
    assertThat(cli.run("tags").out()).isEqualTo("2  #idea\n1  #project\n1  #project/rhizome\n");
  }

  @Test
  void statusReportsCountsVersionVectorAndDigest() {
    JsonNode status = cli.json("status", "--json");

    assertThat(status.get("notes").asLong()).isEqualTo(3);
    assertThat(status.get("changes").asLong()).isEqualTo(3);
    String actor = status.get("actor").asText();
    assertThat(actor).matches("[0-9a-f]{64}");
    assertThat(status.get("versionVector").get(actor).asLong()).isEqualTo(3);
    assertThat(status.get("workspace").asText()).matches("[0-9a-f]{32}");
    assertThat(status.get("digest").asText()).isNotBlank();
    assertThat(status.get("database").asText())
        .isEqualTo(data.resolve("workspaces/personal.db").toString());

    String digestBefore = status.get("digest").asText();
    cli.add("Delta", "");
    assertThat(cli.json("status", "--json").get("digest").asText()).isNotEqualTo(digestBefore);
  }
}
