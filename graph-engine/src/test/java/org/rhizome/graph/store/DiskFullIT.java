package org.rhizome.graph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StorageFullException;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;

/**
 * A full disk: the write that does not fit fails with {@link StorageFullException}, and every note
 * saved before it is still there. Runs on a 1 MiB tmpfs the test mounts (needs root, as in CI);
 * skipped with a message where mounting is not allowed.
 */
class DiskFullIT {
  @TempDir Path dir;
  Path mount;

  @BeforeEach
  void mountTinyDisk() throws Exception {
    mount = Files.createDirectory(dir.resolve("tiny"));
    Process p =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString())
            .redirectErrorStream(true)
            .start();
    boolean done = p.waitFor(10, TimeUnit.SECONDS);
    Assumptions.assumeTrue(
        done && p.exitValue() == 0,
        "cannot mount a small tmpfs here (not root, or no mount permission): disk-full test skipped");
  }

  @AfterEach
  void unmount() throws Exception {
    if (mount != null) {
      new ProcessBuilder("umount", mount.toString()).start().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void fullDiskGivesStorageFullAndKeepsWhatWasSaved() throws Exception {
    DeviceKey key = DeviceKey.generate(new SecureRandom());
    Path file = mount.resolve("ws.db");
    List<Soul> saved = new ArrayList<>();
    StorageFullException full = null;
    try (Workspace ws = Workspace.open(file, key)) {
      String body = "words that take up room on a small disk ".repeat(100);
      for (int i = 0; i < 5000 && full == null; i++) {
        try {
          saved.add(ws.createNote("Note " + i, body));
        } catch (StorageFullException e) {
          full = e;
        }
      }
      if (full == null) {
        fail("a 1 MiB disk never filled up");
      }
      assertThat(full.getMessage()).contains("full");
      for (Soul s : saved) {
        assertThat(ws.findNote(s)).as("note saved before the disk filled").isPresent();
      }
    }
    try (Workspace ws = Workspace.open(file, key)) {
      assertThat(ws.noteCount()).isEqualTo(saved.size());
    }
  }
}
