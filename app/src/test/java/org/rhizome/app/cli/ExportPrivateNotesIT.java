package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rhizome export} (Markdown and {@code --html}) leaves private notes out and says so; with
 * {@code --include-private} it writes them, on a real data directory.
 */
class ExportPrivateNotesIT {
  private static final String MARKER = "qqexportedsecret";

  @TempDir Path dir;

  @Test
  void exportsLeavePrivateNotesOutAndSaySo() throws Exception {
    CliRunner cli = new CliRunner(dir.resolve("data"));
    cli.json("workspace", "create", "team", "--member-name", "alice", "--json");
    cli.json(
        "note",
        "add",
        "--workspace",
        "team",
        "--title",
        "Salaries",
        "--private-to",
        "alice",
        "--body",
        MARKER,
        "--json");
    cli.json(
        "note",
        "add",
        "--workspace",
        "team",
        "--title",
        "Plan",
        "--body",
        "[[Salaries]]",
        "--json");

    Path vault = dir.resolve("vault");
    CliRunner.Result plain = cli.run("export", "--workspace", "team", vault.toString());
    assertThat(plain.exitCode()).as(plain.toString()).isZero();
    assertThat(plain.out()).contains("1 private note was left out");
    assertThat(vault.resolve("Plan.md")).isRegularFile();
    assertThat(vault.resolve("Salaries.md")).doesNotExist();

    Path site = dir.resolve("site");
    JsonNode html = cli.json("export", "--workspace", "team", "--html", site.toString(), "--json");
    assertThat(html.path("privateLeftOut").asInt()).isEqualTo(1);
    assertThat(site.resolve("Salaries.html")).doesNotExist();
    assertThat(Files.readString(site.resolve("_assets/search-index.js"))).doesNotContain(MARKER);

    JsonNode all =
        cli.json("export", "--workspace", "team", "--include-private", vault.toString(), "--json");
    assertThat(all.path("privateLeftOut").asInt()).isZero();
    assertThat(vault.resolve("Salaries.md")).hasContent(MARKER);
  }
}
