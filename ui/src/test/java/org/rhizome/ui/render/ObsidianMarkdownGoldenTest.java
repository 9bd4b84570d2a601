package org.rhizome.ui.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.note.Note;

/**
 * The fixture vault rendered and compared with golden HTML structurally (jsoup trees, attributes sorted,
 * white space normalised). To accept a deliberate change: run with {@code -Drender.golden.update=true},
 * then read the diff of the golden files before committing them.
 */
class ObsidianMarkdownGoldenTest {
  @TempDir
  Path dir;

  @Test
  void showcaseRendersAsTheGoldenPage() throws Exception {
    check("Showcase");
  }

  @Test
  void embeddedNoteRendersAsTheGoldenPage() throws Exception {
    check("Embedded");
  }

  private void check(String title) throws Exception {
    try (Workspace ws = FixtureVault.load(dir)) {
      Note note = ws.findNote(ws.resolve(title).orElseThrow().soul()).orElseThrow();
      RenderedNote rendered = new ObsidianMarkdown().render(note.body(), note.soul().value(), note.folder(),
          new WorkspaceLinks(ws, FixtureVault.addresses()));
      Path golden = FixtureVault.source().resolve("../golden/" + title + ".html").normalize();
      if (Boolean.getBoolean("render.golden.update")) {
        Path src = Path.of("src/test/resources/org/rhizome/ui/render/golden/" + title + ".html");
        Files.createDirectories(src.getParent());
        Files.writeString(src, rendered.html());
        return;
      }
      assertThat(HtmlStructure.of(rendered.html())).isEqualTo(HtmlStructure.of(FixtureVault.read(golden)));
    }
  }
}
