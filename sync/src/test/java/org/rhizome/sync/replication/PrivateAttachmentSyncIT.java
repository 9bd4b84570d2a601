package org.rhizome.sync.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.PrivateAttachment;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.AttachmentDraft;
import org.rhizome.sync.replication.invite.SharedWorkspaces;

/**
 * Decision 0008's attachments over real peers on loopback: A attaches a file to a private note for
 * B; B's sync fetches the sealed blob and B opens it; C, a member but not a reader, dialling only
 * B, gets every change and the public attachment's bytes, and no byte of the private file — not in
 * a change, a blob handed to it, its file or its WAL.
 */
@Timeout(180)
class PrivateAttachmentSyncIT {
  @TempDir Path dir;

  static final String MARKER = "Qzxsealedfile";
  static final String PLAIN = "Qzxpublicfile";

  @Test
  void onlyReadersGetAPrivateNotesFileAndOnlySealed() throws Exception {
    try (Peers peers = new Peers(dir)) {
      WorkspaceSync a = peers.found();
      WorkspaceSync b = peers.join(a);
      peers.join(a);
      Workspace wa = peers.workspace(a);
      Workspace wb = peers.workspace(b);
      Workspace wc = peers.workspaces.get(2);
      peers.awaitConverged(Duration.ofSeconds(30));

      peers.stop(2);
      RecordingReplica recording = new RecordingReplica(wc);
      WorkspaceSync c =
          WorkspaceSync.start(
              recording,
              peers.keys.get(2),
              peers
                  .fast(SharedWorkspaces.secret(wc).orElseThrow())
                  .withPeers(b.host().listenAddresses()),
              LiveFaults.NONE);
      try {
        Soul note = wa.createPrivateNote("", "Lease", "the scan is attached", List.of(wb.actor()));
        byte[] file =
            (MARKER + " clause one; " + MARKER + " clause two").getBytes(StandardCharsets.UTF_8);
        PrivateAttachment scan = wa.attachPrivateAsync(note, "lease.txt", file, "text/plain").get();
        byte[] plain = (PLAIN + " for everyone").getBytes(StandardCharsets.UTF_8);
        wa.putAttachmentsAsync(List.of(new AttachmentDraft("", "open.txt", plain, "text/plain")))
            .get();

        Peers.await(
            Duration.ofSeconds(60),
            () -> {
              try {
                return wb.privateAttachmentBytes(note, "lease.txt").isPresent();
              } catch (Exception e) {
                return false;
              }
            });
        assertThat(wb.privateAttachmentBytes(note, "lease.txt")).hasValue(file);
        // C gets the public file (the check sees blobs), and everything A and B wrote.
        Peers.await(
            Duration.ofSeconds(60),
            () ->
                recording.receivedBlobs.stream()
                    .anyMatch(x -> new String(x, StandardCharsets.ISO_8859_1).contains(PLAIN)));
        Peers.await(
            Duration.ofSeconds(60),
            () -> {
              try {
                return wc.versionVector().equals(wa.versionVector());
              } catch (Exception e) {
                return false;
              }
            });
        assertThat(wc.privateAttachments(note)).isEmpty();
        assertThat(wc.blob(scan.hash())).isEmpty();
        assertThat(recording.received).isNotEmpty();
        for (byte[] frame : recording.received) {
          assertThat(new String(frame, StandardCharsets.ISO_8859_1)).doesNotContain(MARKER);
        }
        for (byte[] blob : recording.receivedBlobs) {
          assertThat(new String(blob, StandardCharsets.ISO_8859_1)).doesNotContain(MARKER);
        }
        for (Workspace w : List.of(wa, wb, wc)) {
          for (String suffix : List.of("", "-wal")) {
            Path f = w.file().resolveSibling(w.file().getFileName() + suffix);
            if (Files.exists(f)) {
              assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
                  .as(f.toString())
                  .doesNotContain(MARKER);
            }
          }
        }
      } finally {
        c.close();
      }
    }
  }
}
