package org.rhizome.graph.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.files.AtomicFile.Durability;

class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void replaceWritesWholeFilesAndLeavesNoTempFile() throws Exception {
    Path file = dir.resolve("sub/settings.properties");
    AtomicFile.replace(file, "a=1\n".getBytes(UTF_8), Durability.SYNCED);
    AtomicFile.replace(file, "a=2\n".getBytes(UTF_8), Durability.FLUSHED);
    assertThat(Files.readString(file)).isEqualTo("a=2\n");
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("settings.properties");
    }
  }

  @Test
  void replaceIfChangedLeavesAnUnchangedFileAlone() throws Exception {
    Path file = dir.resolve("note.md");
    assertThat(AtomicFile.replaceIfChanged(file, "x".getBytes(UTF_8), Durability.SYNCED)).isTrue();
    var before = Files.getLastModifiedTime(file);
    Files.setLastModifiedTime(
        file, java.nio.file.attribute.FileTime.fromMillis(before.toMillis() - 60_000));
    var backdated = Files.getLastModifiedTime(file);
    assertThat(AtomicFile.replaceIfChanged(file, "x".getBytes(UTF_8), Durability.SYNCED)).isFalse();
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(backdated);
    assertThat(AtomicFile.replaceIfChanged(file, "y".getBytes(UTF_8), Durability.SYNCED)).isTrue();
    assertThat(Files.readString(file)).isEqualTo("y");
  }

  @Test
  void createIfAbsentNeverReplacesAndExactlyOneRacerWins() throws Exception {
    Path file = dir.resolve("keys/device.key");
    int racers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        byte[] mine = ("key " + i + "\n").getBytes(UTF_8);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return AtomicFile.createIfAbsent(
                      file, mine, PosixFilePermissions.fromString("rw-------"));
                }));
      }
      start.countDown();
      int winners = 0;
      for (Future<Boolean> r : results) {
        winners += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    String kept = Files.readString(file);
    assertThat(kept).matches("key \\d\n");
    assertThat(
            AtomicFile.createIfAbsent(
                file, "other\n".getBytes(UTF_8), PosixFilePermissions.fromString("rw-------")))
        .isFalse();
    assertThat(Files.readString(file)).isEqualTo(kept);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("device.key");
    }
  }
}
