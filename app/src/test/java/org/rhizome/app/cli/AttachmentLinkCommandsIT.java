package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code links}, {@code unresolved} and the import summary agree on links to attachments. */
class AttachmentLinkCommandsIT {
  @TempDir Path tmp;
  CliRunner cli;
  JsonNode imported;

  @BeforeEach
  void setUp() throws Exception {
    Path vault = Files.createDirectories(tmp.resolve("vault/Attachments"));
    Files.write(vault.resolve("Engelbart.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0});
    Files.createDirectories(tmp.resolve("vault/docs"));
    Files.write(tmp.resolve("vault/docs/paper.pdf"), new byte[] {'%', 'P', 'D', 'F'});
    Files.writeString(
        tmp.resolve("vault/Home.md"),
        """
        ![[Engelbart.jpg]] ![[Engelbart.jpg|100]] ![x](Attachments/Engelbart.jpg)
        [[paper.pdf]] and [[Plan]] and ![[missing.png]] and [[Someday]]
        """);
    Files.writeString(tmp.resolve("vault/Plan.md"), "plan\n");
    cli = new CliRunner(tmp.resolve("data"));
    imported = cli.json("import", tmp.resolve("vault").toString(), "--json");
  }

  @Test
  void importSummaryListsOnlyMissingTargetsAndMarksMissingFiles() {
    assertThat(imported.get("attachmentsStored").asInt()).isEqualTo(2);
    JsonNode broken = imported.get("brokenLinks");
    assertThat(broken).hasSize(2);
    assertThat(targets(broken)).containsExactlyInAnyOrder("missing.png:file", "Someday:note");
    String text =
        new CliRunner(tmp.resolve("data2")).run("import", tmp.resolve("vault").toString()).out();
    assertThat(text)
        .contains("2 link targets name no note or attachment")
        .containsPattern("\\[\\[missing.png]].*missing attachment")
        .doesNotContain("Engelbart");
  }

  @Test
  void unresolvedAgreesWithTheImportSummary() {
    JsonNode unresolved = cli.json("unresolved", "--json").get("unresolved");
    assertThat(targets(unresolved))
        .containsExactlyInAnyOrderElementsOf(targets(imported.get("brokenLinks")));
    String text = cli.run("unresolved").out();
    assertThat(text)
        .containsPattern("missing.png\\s+1\\s+1\\s+missing attachment")
        .doesNotContain("Engelbart")
        .doesNotContain("paper");
  }

  @Test
  void linksShowTheAttachmentEachLinkReaches() {
    JsonNode links = cli.json("links", "Home", "--json").get("links");
    assertThat(links).hasSize(7);
    List<String> reached = new ArrayList<>();
    for (JsonNode l : links) {
      reached.add(
          l.get("target").asText()
              + " -> "
              + (l.get("attachment").isNull() ? "" : l.get("attachment").asText())
              + (l.get("resolved").isNull() ? "" : l.get("resolved").get("title").asText())
              + (l.get("file").asBoolean() ? " (file)" : ""));
    }
    assertThat(reached)
        .containsExactly(
            "Engelbart.jpg -> Attachments/Engelbart.jpg (file)",
            "Engelbart.jpg -> Attachments/Engelbart.jpg (file)",
            "Attachments/Engelbart.jpg -> Attachments/Engelbart.jpg (file)",
            "paper.pdf -> docs/paper.pdf (file)",
            "Plan -> Plan",
            "missing.png ->  (file)",
            "Someday -> ");
    String text = cli.run("links", "Home").out();
    assertThat(text)
        .contains("-> attachment Attachments/Engelbart.jpg")
        .contains("-> attachment docs/paper.pdf")
        .containsPattern("missing.png]]\\s+unresolved \\(no such attachment\\)")
        .containsPattern("\\[\\[Someday]]\\s+unresolved\\s*$|\\[\\[Someday]]\\s+unresolved\\n");
  }

  private static List<String> targets(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(
        t ->
            out.add(
                t.get("target").asText() + ":" + (t.get("file").asBoolean() ? "file" : "note")));
    return out;
  }
}
