package org.rhizome.graph.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.NotAllowedException;
import org.rhizome.graph.api.PrivateAttachment;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.AttachmentDraft;

/**
 * A private note's attachment (decision 0008): its bytes are sealed under the note's key before
 * they are stored or handed to sync, so no replica's file — the owner's included — holds a byte of
 * the file in the clear; readers fetch the sealed blob and open it, a non-reader never learns it
 * exists.
 */
class PrivateAttachmentIT {
  @TempDir Path dir;

  static final String MARKER = "Qqsealedfilemarker";
  static final String PLAIN_MARKER = "Qqplainfilemarker";

  /** What sync's blob transfer does: fetch each missing blob from {@code from} by its hash. */
  static int fetchBlobs(Workspace from, Workspace to) throws Exception {
    int n = 0;
    for (String hash : to.missingBlobs(100)) {
      var bytes = from.blob(hash);
      if (bytes.isPresent()) {
        to.storeBlobAsync(bytes.get()).get();
        n++;
      }
    }
    return n;
  }

  @Test
  void readersOpenTheFileAndNoFileHoldsItsBytes() throws Exception {
    try (Team team = new Team(dir)) {
      Workspace alice = team.alice;
      Workspace bob = team.join(alice, "Bob", Role.WRITER);
      Workspace carol = team.join(alice, "Carol", Role.WRITER);
      Team.exchange(alice, bob);
      Team.exchange(alice, carol);
      Soul note = alice.createPrivateNote("", "Contract", "see the scan", List.of(bob.actor()));
      byte[] file =
          (MARKER + " page one, " + MARKER + " page two").getBytes(StandardCharsets.UTF_8);
      PrivateAttachment a = alice.attachPrivateAsync(note, "scan.txt", file, "text/plain").get();
      // Positive control: a plain attachment's bytes are in the files, and the search finds them.
      alice
          .putAttachmentsAsync(
              List.of(
                  new AttachmentDraft(
                      "", "open.txt", PLAIN_MARKER.getBytes(StandardCharsets.UTF_8), "text/plain")))
          .get();
      assertThat(alice.privateAttachmentBytes(note, "scan.txt")).hasValue(file);
      Team.exchange(alice, bob);
      Team.exchange(alice, carol);

      // Bob reads the note: he knows the file, fetches its sealed blob and opens it.
      assertThat(bob.privateAttachments(note)).containsExactly(a);
      assertThat(bob.privateAttachmentBytes(note, "scan.txt")).isEmpty(); // not fetched yet
      assertThat(bob.missingBlobs(100)).contains(a.hash());
      assertThat(fetchBlobs(alice, bob)).isEqualTo(2);
      assertThat(bob.privateAttachmentBytes(note, "scan.txt")).hasValue(file);
      assertThat(bob.blob(a.hash()).orElseThrow()).isNotEqualTo(file).hasSize(file.length + 45);

      // Carol does not read it: she knows of no such file and asks for no such blob.
      assertThat(carol.privateAttachments(note)).isEmpty();
      assertThat(carol.missingBlobs(100)).doesNotContain(a.hash());
      fetchBlobs(alice, carol);
      assertThat(carol.blob(a.hash())).isEmpty();
      assertThat(carol.privateAttachmentBytes(note, "scan.txt")).isEmpty();

      // Shared later, Carol gets the file too, under the key it was sealed with.
      alice.shareNote(note, List.of(carol.actor()));
      Team.exchange(alice, carol);
      fetchBlobs(alice, carol);
      assertThat(carol.privateAttachmentBytes(note, "scan.txt")).hasValue(file);

      // A non-reader cannot attach to it; a bad name is refused before anything is stored.
      Workspace dave = team.join(alice, "Dave", Role.WRITER);
      Team.exchange(alice, dave);
      assertThatThrownBy(() -> dave.attachPrivateAsync(note, "x.txt", file, "text/plain").get())
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(NotAllowedException.class);
      assertThatThrownBy(() -> alice.attachPrivateAsync(note, "a/b", file, "text/plain").get())
          .isInstanceOf(ExecutionException.class);

      team.close();
      for (String name : List.of("alice.db", "Bob.db", "Carol.db", "Dave.db")) {
        assertThat(fileText(dir.resolve(name))).as(name).doesNotContain(MARKER);
      }
      assertThat(fileText(dir.resolve("alice.db"))).contains(PLAIN_MARKER);
    }
  }

  static String fileText(Path db) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (String suffix : List.of("", "-wal")) {
      Path f = db.resolveSibling(db.getFileName() + suffix);
      if (Files.exists(f)) {
        sb.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    }
    return sb.toString();
  }
}
