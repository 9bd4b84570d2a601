package org.rhizome.ui.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.note.Note;

/**
 * The fixture vault rendered and compared with golden HTML structurally (jsoup trees, attributes
 * sorted, white space normalised). To accept a deliberate change: run with {@code
 * -Drender.golden.update=true}, then read the diff of the golden files before committing them.
 */
class ObsidianMarkdownGoldenTest {
  @TempDir Path dir;

  @Test
  void showcaseRendersAsTheGoldenPage() throws Exception {
    check("Showcase");
  }

  @Test
  void embeddedNoteRendersAsTheGoldenPage() throws Exception {
    check("Embedded");
  }

  /**
   * Cut into runs at every place it may be, rendered, then again from the block cache: the same
   * page.
   */
  @Test
  void showcaseCutIntoRunsAndCachedRendersAsTheGoldenPage() throws Exception {
    ObsidianMarkdown cached = new ObsidianMarkdown().withBlockCache(1_000_000);
    cached.minRun = 0;
    check("Showcase", cached, 2);
  }

  private void check(String title) throws Exception {
    check(title, new ObsidianMarkdown(), 1);
  }

  private void check(String title, ObsidianMarkdown markdown, int times) throws Exception {
    try (Workspace ws = FixtureVault.load(dir)) {
      Note note = ws.findNote(ws.resolve(title).orElseThrow().soul()).orElseThrow();
      for (int i = 0; i < times; i++) {
        check(
            title,
            markdown.render(
                note.body(),
                note.soul().value(),
                note.folder(),
                new WorkspaceLinks(ws, FixtureVault.addresses())));
      }
    }
  }

  private void check(String title, RenderedNote rendered) throws Exception {
    {
      Path golden = FixtureVault.source().resolve("../golden/" + title + ".html").normalize();
      if (Boolean.getBoolean("render.golden.update")) {
        Path src = Path.of("src/test/resources/org/rhizome/ui/render/golden/" + title + ".html");
        Files.createDirectories(src.getParent());
        Files.writeString(src, rendered.html());
        return;
      }
      assertThat(HtmlStructure.of(rendered.html()))
          .isEqualTo(HtmlStructure.of(FixtureVault.read(golden)));
    }
  }
}
