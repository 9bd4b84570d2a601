package org.rhizome.graph.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.text.Splice;

/**
 * The mirror with real files: edits from another editor, from the app and from a peer, each way.
 */
class VaultMirrorIT {
  private static final long WAIT_MILLIS = 10_000;

  @TempDir Path tmp;
  Workspace ws;
  Path dir;
  VaultMirror mirror;

  @BeforeEach
  void setUp() throws Exception {
    ws = Workspace.open(tmp.resolve("ws.db"), DeviceKey.generate(new SecureRandom()));
    dir = Files.createDirectories(tmp.resolve("vault"));
  }

  @AfterEach
  void tearDown() {
    if (mirror != null) {
      mirror.close();
    }
    ws.close();
  }

  private void startMirror() throws Exception {
    VaultMirror.configure(ws, dir);
    mirror = VaultMirror.configured(ws).orElseThrow();
    mirror.start();
  }

  /** Polls until {@code condition} holds, for at most {@value #WAIT_MILLIS} ms. */
  private static void await(Callable<Boolean> condition) throws Exception {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (!condition.call()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("condition not met within " + WAIT_MILLIS + " ms");
      }
      Thread.sleep(5); // polling a file system and a database; no event to wait on from here
    }
  }

  private String body(Soul s) throws Exception {
    return ws.findNote(s).orElseThrow().body();
  }

  @Test
  void startWritesTheWorkspaceAndTakesInTheFolder() throws Exception {
    ws.createNote("Projects", "Plan", "# Plan\n");
    Files.writeString(dir.resolve("From disk.md"), "hello [[Plan]]\n");
    startMirror();
    assertThat(Files.readString(dir.resolve("Projects/Plan.md"))).isEqualTo("# Plan\n");
    assertThat(body(ws.resolve("From disk").orElseThrow().soul())).isEqualTo("hello [[Plan]]\n");
  }

  @Test
  void aFileSavedByAnotherEditorBecomesAnEditMergedAsADiff() throws Exception {
    Soul note = ws.createNote("Shared", "line one\nline two\n");
    Workspace peer =
        Workspace.open(
            tmp.resolve("peer.db"),
            ws.id(),
            DeviceKey.generate(new SecureRandom()),
            System::currentTimeMillis);
    try {
      sync(ws, peer);
      startMirror();
      // The peer types at the start while another editor saves the file with a new last line.
      peer.spliceBody(note, List.of(new Splice(0, 0, "PEER ")));
      Files.writeString(
          dir.resolve("Shared.md"), "line one\nline two\nline three from the editor\n");
      await(() -> body(note).endsWith("line three from the editor\n"));
      sync(peer, ws);
      sync(ws, peer);
      String merged = "PEER line one\nline two\nline three from the editor\n";
      assertThat(body(note)).isEqualTo(merged);
      assertThat(peer.findNote(note).orElseThrow().body()).isEqualTo(merged);
      // ...and the peer's edit reaches the file.
      await(() -> Files.readString(dir.resolve("Shared.md")).equals(merged));
    } finally {
      peer.close();
    }
  }

  @Test
  void changesInTheWorkspaceAreWrittenAndMovedOnDisk() throws Exception {
    Soul note = ws.createNote("Draft", "v1\n");
    startMirror();
    ws.editBody(note, "v2\n");
    await(() -> Files.readString(dir.resolve("Draft.md")).equals("v2\n"));
    ws.moveNote(note, "Done");
    await(
        () -> Files.exists(dir.resolve("Done/Draft.md")) && !Files.exists(dir.resolve("Draft.md")));
    ws.deleteNote(note);
    await(() -> !Files.exists(dir.resolve("Done/Draft.md")));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith(".rhizome-"));
    }
  }

  @Test
  void newAndDeletedFilesCreateAndDeleteNotesAndAttachments() throws Exception {
    startMirror();
    Files.createDirectories(dir.resolve("New/Sub"));
    Files.writeString(dir.resolve("New/Sub/Fresh.md"), "fresh\n");
    Files.write(dir.resolve("New/pic.png"), new byte[] {1, 2, 3});
    await(
        () -> ws.resolve("New/Sub/Fresh").isPresent() && ws.attachment("New/pic.png").isPresent());
    assertThat(ws.attachmentBytes("New/pic.png").orElseThrow()).containsExactly(1, 2, 3);
    Soul fresh = ws.resolve("New/Sub/Fresh").orElseThrow().soul();
    Files.delete(dir.resolve("New/Sub/Fresh.md"));
    await(() -> ws.findNote(fresh).isEmpty());
  }

  @Test
  void aFileRenamedByAnotherEditorMovesItsNoteAndRewritesLinks() throws Exception {
    Soul draft = ws.createNote("Draft", "the text\n");
    Soul linker = ws.createNote("Linker", "see [[Draft]]\n");
    startMirror();
    Files.createDirectories(dir.resolve("Ideas"));
    Files.move(
        dir.resolve("Draft.md"),
        dir.resolve("Ideas/Final.md"),
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    await(() -> ws.findNote(draft).map(n -> n.path().equals("Ideas/Final")).orElse(false));
    assertThat(body(linker)).isEqualTo("see [[Final]]\n");
    await(() -> Files.readString(dir.resolve("Linker.md")).equals("see [[Final]]\n"));
    assertThat(ws.noteCount()).isEqualTo(2);
  }

  private static void sync(Workspace from, Workspace to) throws Exception {
    List<StoredChange> entries = from.changesSince(to.versionVector(), 0, 10_000);
    to.applyRemote(entries.stream().map(e -> e.bytes()).toList());
  }
}
