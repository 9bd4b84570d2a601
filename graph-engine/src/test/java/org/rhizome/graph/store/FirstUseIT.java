package org.rhizome.graph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.CorruptDatabaseException;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.identity.KeyFiles;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.WorkspaceId;

/**
 * Issue 18, items 2 and 3: several openers of a fresh data directory at once all end up with one
 * device key and one workspace (no "table meta already exists", no overwritten key), and a 0-byte
 * file is never taken for a new workspace. Each opener is its own Workspace (its own SQLite
 * connections), started together at a barrier; bounded in rounds and time.
 */
class FirstUseIT {
  private static final int OPENERS = 6;
  private static final int ROUNDS = 8;

  @TempDir Path dir;

  @Test
  void simultaneousFirstUseMakesOneKeyAndOneWorkspace() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(OPENERS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        Path data = dir.resolve("data" + round);
        Path keyFile = data.resolve("device.key");
        Path db = data.resolve("workspaces").resolve("personal.db");
        CyclicBarrier start = new CyclicBarrier(OPENERS);
        List<Future<String[]>> results = new ArrayList<>();
        for (int i = 0; i < OPENERS; i++) {
          results.add(
              pool.submit(
                  () -> {
                    start.await(10, TimeUnit.SECONDS);
                    DeviceKey key = KeyFiles.loadOrCreate(keyFile, new SecureRandom());
                    try (Workspace ws = Workspace.open(db, key)) {
                      ws.createNote(
                          "From " + Thread.currentThread().getName() + " " + System.nanoTime(), "");
                      return new String[] {key.actor().toString(), ws.id().hex()};
                    }
                  }));
        }
        Set<String> actors = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Future<String[]> f : results) {
          String[] r = f.get(60, TimeUnit.SECONDS);
          actors.add(r[0]);
          ids.add(r[1]);
        }
        DeviceKey stored = KeyFiles.load(keyFile);
        assertThat(actors)
            .as("round %d: every opener signs with the one stored key", round)
            .containsExactly(stored.actor().toString());
        assertThat(ids).as("round %d: one workspace", round).hasSize(1);
        try (Workspace ws = Workspace.open(db, stored)) {
          assertThat(ws.id().hex()).isEqualTo(ids.iterator().next());
          assertThat(ws.listNotes(1000)).hasSize(OPENERS);
        }
        try (Stream<Path> files = Files.list(db.getParent())) {
          assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.contains("creating")))
              .isEmpty();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void emptyFileIsRefusedNamingTheFileAndLeftAsItIs() throws Exception {
    Path db = dir.resolve("team.db");
    Files.createFile(db);
    DeviceKey key = DeviceKey.generate(new SecureRandom());
    assertThatThrownBy(() -> Workspace.open(db, key))
        .isInstanceOf(CorruptDatabaseException.class)
        .hasMessageContaining(db.toString())
        .hasMessageContaining("0 bytes")
        .hasMessageContaining("backup");
    assertThat(Files.size(db)).isZero();
    assertThatThrownBy(
            () -> Workspace.openToJoin(db, WorkspaceId.of(new byte[WorkspaceId.LENGTH]), key))
        .isInstanceOf(CorruptDatabaseException.class);
    assertThat(Files.size(db)).isZero();
  }

  @Test
  void shortOrForeignFilesAreRefused() throws Exception {
    DeviceKey key = DeviceKey.generate(new SecureRandom());
    Path shortFile = dir.resolve("short.db");
    Files.write(shortFile, new byte[] {'S', 'Q', 'L'});
    assertThatThrownBy(() -> Workspace.open(shortFile, key))
        .isInstanceOf(CorruptDatabaseException.class)
        .hasMessageContaining(shortFile.toString())
        .hasMessageContaining("rhizome repair");
    assertThat(Files.size(shortFile)).isEqualTo(3);
  }

  @Test
  void aCreatedWorkspaceHoldsItsIdAndModeFromTheFirstByte() throws Exception {
    Path db = dir.resolve("new.db");
    DeviceKey key = DeviceKey.generate(new SecureRandom());
    ActorId actor = key.actor();
    WorkspaceId id;
    try (Workspace ws = Workspace.create(db, key, "Team", "me")) {
      id = ws.id();
      assertThat(ws.actor()).isEqualTo(actor);
    }
    try (Workspace ws = Workspace.open(db, key)) {
      assertThat(ws.id()).isEqualTo(id);
    }
  }
}
