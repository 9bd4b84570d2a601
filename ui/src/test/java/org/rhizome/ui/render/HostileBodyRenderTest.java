package org.rhizome.ui.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;

/**
 * The reading view parses a body under the engine's limits (nesting caps and the linear inline
 * parser), so a note any peer can send renders in bounded time: without them 16 KB of nested list
 * markers took about 6 s of CPU and the time grew with the square of the size, so the 64 KB here
 * would take well over a minute.
 */
class HostileBodyRenderTest {
  @TempDir Path dir;

  @Test
  void deeplyNestedListMarkersRenderInBoundedTime() throws Exception {
    try (Workspace ws =
        Workspace.open(dir.resolve("hostile.db"), DeviceKey.generate(new SecureRandom()))) {
      String body = "- ".repeat(32 * 1024) + "end\n";
      ObsidianMarkdown md = new ObsidianMarkdown();
      RenderedNote page =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () -> md.render(body, null, "", new WorkspaceLinks(ws, FixtureVault.addresses())));
      assertThat(page.html()).contains("end");
    }
  }

  @Test
  void unclosedLinkDestinationsRenderInBoundedTime() throws Exception {
    try (Workspace ws =
        Workspace.open(dir.resolve("parens.db"), DeviceKey.generate(new SecureRandom()))) {
      String body = "[a](".repeat(16 * 1024) + " end\n";
      ObsidianMarkdown md = new ObsidianMarkdown();
      RenderedNote page =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () -> md.render(body, null, "", new WorkspaceLinks(ws, FixtureVault.addresses())));
      assertThat(page.html()).contains("end");
    }
  }
}
