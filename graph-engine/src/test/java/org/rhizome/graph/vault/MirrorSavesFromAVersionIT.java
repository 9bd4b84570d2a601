package org.rhizome.graph.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.text.Splice;

/**
 * Issue 13: a file saved by another editor is diffed against the text the mirror last wrote to it,
 * at that version — so an edit that reached the note after the mirror wrote the file and before the
 * person saved it (typed in the app, committed by the CLI in another process) is kept, not
 * reverted. The mirror's worker is held while both edits happen, so the save is always taken in
 * after the other edit reached the engine (the race the mirror loses when it diffs against the
 * current body).
 */
class MirrorSavesFromAVersionIT {
  private static final long WAIT_MILLIS = 10_000;

  @TempDir Path tmp;
  DeviceKey device;
  Workspace ws;
  Path dir;
  VaultMirror mirror;

  @BeforeEach
  void setUp() throws Exception {
    device = DeviceKey.generate(new SecureRandom());
    ws = Workspace.open(tmp.resolve("ws.db"), device);
    dir = Files.createDirectories(tmp.resolve("vault"));
  }

  @AfterEach
  void tearDown() {
    if (mirror != null) {
      mirror.close();
    }
    ws.close();
  }

  private void startMirror(long keptChars) throws Exception {
    mirror = new VaultMirror(ws, dir, keptChars);
    mirror.start();
  }

  private static void await(Callable<Boolean> condition) throws Exception {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (!condition.call()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("condition not met within " + WAIT_MILLIS + " ms");
      }
      Thread.sleep(5); // polling a file system and a database; no event to wait on from here
    }
  }

  /** Holds the mirror's worker until the returned latch is counted down (at most 10 s). */
  private CountDownLatch holdMirror() throws InterruptedException {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    mirror.onWorker(
        () -> {
          held.countDown();
          try {
            release.await(WAIT_MILLIS, TimeUnit.MILLISECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    assertThat(held.await(WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
    return release;
  }

  private String body(Soul s) throws Exception {
    return ws.findNote(s).orElseThrow().body();
  }

  @Test
  void theAppTypesWhileTheFileIsSavedAndBothAreKept() throws Exception {
    Soul note = ws.createNote("Race", "alpha\nbeta\n");
    startMirror(WrittenTexts.MAX_CHARS);
    Path file = dir.resolve("Race.md");
    assertThat(Files.readString(file)).isEqualTo("alpha\nbeta\n");
    CountDownLatch release = holdMirror();
    ws.spliceBody(note, List.of(new Splice(0, 0, "APP ")));
    Files.writeString(file, "alpha\nbeta\nDISK\n"); // saved from the text the mirror wrote
    Thread.sleep(50); // let the watcher queue the save too (either order must keep both)
    release.countDown();
    String both = "APP alpha\nbeta\nDISK\n";
    await(() -> body(note).equals(both) && Files.readString(file).equals(both));
    // A second save from the merged file is diffed against it (nothing doubled).
    Files.writeString(file, both + "again\n");
    await(() -> body(note).equals(both + "again\n"));
    Thread.sleep(100);
    assertThat(body(note)).isEqualTo(both + "again\n");
  }

  @Test
  void theCliCommitsFromAnotherWorkspaceWhileTheFileIsSavedAndBothAreKept() throws Exception {
    Soul note = ws.createNote("Race", "one two three\n");
    startMirror(WrittenTexts.MAX_CHARS);
    Path file = dir.resolve("Race.md");
    try (Workspace cli = Workspace.open(tmp.resolve("ws.db"), device)) {
      CountDownLatch release = holdMirror();
      cli.spliceBody(note, List.of(new Splice(4, 3, "TWO")));
      ws.checkForeignCommits();
      Files.writeString(file, "one two three\nfour from the editor\n");
      Thread.sleep(50);
      release.countDown();
      String both = "one TWO three\nfour from the editor\n";
      await(() -> body(note).equals(both) && Files.readString(file).equals(both));
      assertThat(cli.findNote(note).orElseThrow().body()).isEqualTo(both);
    }
  }

  @Test
  void aBaseWhoseTextWasDroppedIsReplayedFromTheLog() throws Exception {
    // Keeps no text at all: every save is diffed against the written version replayed from the log.
    Soul a = ws.createNote("A", "a1\na2\n");
    Soul b = ws.createNote("B", "b1\nb2\n");
    startMirror(0);
    for (int round = 0; round < 3; round++) {
      String tag = "r" + round;
      CountDownLatch release = holdMirror();
      ws.spliceBody(a, List.of(new Splice(0, 0, tag + "-app ")));
      String fileA = Files.readString(dir.resolve("A.md"));
      Files.writeString(dir.resolve("A.md"), fileA + tag + "-disk\n");
      Files.writeString(dir.resolve("B.md"), Files.readString(dir.resolve("B.md")) + tag + "\n");
      Thread.sleep(50);
      release.countDown();
      await(
          () ->
              body(a).startsWith(tag + "-app ")
                  && body(a).endsWith(tag + "-disk\n")
                  && body(b).endsWith(tag + "\n")
                  && Files.readString(dir.resolve("A.md")).equals(body(a)));
    }
    assertThat(body(a)).isEqualTo("r2-app r1-app r0-app a1\na2\nr0-disk\nr1-disk\nr2-disk\n");
    assertThat(body(b)).isEqualTo("b1\nb2\nr0\nr1\nr2\n");
  }
}
