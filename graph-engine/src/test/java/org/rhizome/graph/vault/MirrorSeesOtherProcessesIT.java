package org.rhizome.graph.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;

/**
 * The mirror hears the change feed, so an edit by another process on the file (the CLI) reaches the
 * folder too.
 */
class MirrorSeesOtherProcessesIT {
  @TempDir Path tmp;

  @Test
  void aCliEditReachesTheMirroredFile() throws Exception {
    DeviceKey key = DeviceKey.generate(new SecureRandom());
    Path file = tmp.resolve("ws.db");
    Path dir = Files.createDirectories(tmp.resolve("vault"));
    try (Workspace app = Workspace.open(file, key)) {
      Soul note = app.createNote("Plan", "v1\n");
      VaultMirror.configure(app, dir);
      VaultMirror mirror = VaultMirror.configured(app).orElseThrow();
      mirror.start();
      try (Workspace cli = Workspace.open(file, key)) {
        cli.editBody(note, cli.openBody(note), "v2 from the CLI\n");
      }
      long deadline = System.nanoTime() + 10_000_000_000L;
      Path md = dir.resolve("Plan.md");
      while (System.nanoTime() < deadline
          && !(Files.exists(md) && Files.readString(md).equals("v2 from the CLI\n"))) {
        Thread.sleep(20);
      }
      assertThat(Files.readString(md)).isEqualTo("v2 from the CLI\n");
      mirror.close();
    }
  }
}
