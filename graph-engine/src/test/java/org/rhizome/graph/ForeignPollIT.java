package org.rhizome.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;

/**
 * The feed hears every commit another process makes on the file, one after another, without anyone
 * writing here.
 */
class ForeignPollIT {
  @TempDir Path dir;

  @Test
  void everyCommitOfAnotherProcessReachesTheFeedByItself() throws Exception {
    DeviceKey key = DeviceKey.generate(new SecureRandom());
    Path file = dir.resolve("poll.db");
    try (Workspace app = Workspace.open(file, key);
        Workspace cli = Workspace.open(file, key)) {
      Soul soul = app.createNote("Polled", "start\n");
      app.openBody(soul);
      BlockingQueue<ChangeEvent> events = new LinkedBlockingQueue<>();
      app.subscribe(events::add);
      for (int i = 0; i < 30; i++) {
        VersionedText read = cli.openBody(soul);
        cli.editBody(soul, read, read.text() + "line " + i + "\n");
        ChangeEvent e = events.poll(5, TimeUnit.SECONDS);
        assertThat(e).as("event for edit " + i).isNotNull();
        assertThat(e.otherProcess()).isTrue();
        assertThat(e.texts()).hasSize(1);
      }
    }
  }
}
