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
import org.rhizome.graph.model.Soul;
import org.rhizome.sync.replication.invite.SharedWorkspaces;

/**
 * Decision 0008 over real peers on loopback: A writes a private note for B; C, a member but not a
 * reader, receives and relays every change of it, and neither its file, its WAL, nor any change
 * bytes it received hold the note's title, body or link target; its search, backlinks, unresolved
 * links and tags show nothing. Shared later, C reads the whole history; B, unshared, cannot read
 * what A writes after.
 */
@Timeout(180)
class PrivateNotesSyncIT {
  @TempDir Path dir;

  static final String[] MARKERS = {"Qzxtitlemark", "qzxbodymark", "Qzxlinkmark", "qzxbobmark"};

  @Test
  void aNonReaderRelaysAPrivateNoteAndKeepsNothingOfIt() throws Exception {
    try (Peers peers = new Peers(dir)) {
      WorkspaceSync a = peers.found();
      WorkspaceSync b = peers.join(a);
      peers.join(a);
      Workspace wa = peers.workspace(a);
      Workspace wb = peers.workspace(b);
      Workspace wc = peers.workspaces.get(2);
      peers.awaitConverged(Duration.ofSeconds(30));

      // C runs with a replica that keeps every change it is handed, dialling only B: whatever of
      // A's it gets, B relays.
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
        Soul note =
            wa.createPrivateNote(
                "", "Qzxtitlemark plan", "qzxbodymark text [[Qzxlinkmark]]", List.of(wb.actor()));
        Soul pub = wa.createNote("Public", "see [[Qzxtitlemark plan]]");
        Peers.await(Duration.ofSeconds(30), () -> has(wb, note));
        wb.editBody(note, "qzxbodymark text [[Qzxlinkmark]] qzxbobmark");
        awaitSameChanges(Duration.ofSeconds(60), wa, wb, wc);

        assertThat(wa.findNote(note).orElseThrow().body()).contains("qzxbobmark");
        assertThat(wb.backlinks(note, 10)).extracting(l -> l.source().soul()).contains(pub);
        assertThat(wc.findNote(note)).isEmpty();
        assertThat(wc.search("qzxbodymark", 10)).isEmpty();
        assertThat(wc.backlinks(note, 10)).isEmpty();
        assertThat(wc.tags()).isEmpty();
        assertThat(wc.unresolvedLinks(100))
            .extracting(u -> u.target())
            .doesNotContain("Qzxlinkmark");
        assertThat(wc.wholeGraph(100).toString()).doesNotContain(note.value());
        assertThat(recording.received).isNotEmpty();
        for (byte[] frame : recording.received) {
          String s = new String(frame, StandardCharsets.ISO_8859_1);
          for (String m : List.of("qzxbodymark", "Qzxlinkmark", "qzxbobmark")) {
            assertThat(s).as("a change C received").doesNotContain(m);
          }
        }
        // The title is in the public page, which everyone reads; the private note's body,
        // link target and B's words are nowhere in C's files.
        assertFilesHoldNone(wc.file(), "qzxbodymark", "Qzxlinkmark", "qzxbobmark");
        assertThat(String.join("", fileText(wc.file()))).contains("Qzxtitlemark"); // the check sees

        // Shared with C later: the whole history, over the network.
        wa.shareNote(note, List.of(wc.actor()));
        Peers.await(Duration.ofSeconds(30), () -> has(wc, note));
        Peers.await(
            Duration.ofSeconds(30),
            () -> body(wc, note).equals(body(wa, note)) && body(wc, note).contains("qzxbobmark"));
        assertThat(wc.backlinks(note, 10)).extracting(l -> l.source().soul()).contains(pub);

        // B unshared: A's later words never reach B in the clear.
        wa.unshareNote(note, List.of(wb.actor()));
        wa.editBody(note, body(wa, note) + " qzxaftermark");
        awaitSameChanges(Duration.ofSeconds(60), wa, wb, wc);
        Peers.await(Duration.ofSeconds(30), () -> body(wc, note).contains("qzxaftermark"));
        assertThat(body(wb, note)).doesNotContain("qzxaftermark");
        assertFilesHoldNone(wb.file(), "qzxaftermark");
      } finally {
        c.close();
      }
    }
  }

  private static void awaitSameChanges(Duration timeout, Workspace... all)
      throws InterruptedException {
    Peers.await(
        timeout,
        () -> {
          try {
            for (Workspace w : all) {
              if (!w.versionVector().equals(all[0].versionVector())) {
                return false;
              }
            }
            return true;
          } catch (Exception e) {
            return false;
          }
        });
  }

  private static String body(Workspace ws, Soul note) {
    try {
      return ws.findNote(note).map(n -> n.body()).orElse("");
    } catch (Exception e) {
      return "";
    }
  }

  private static boolean has(Workspace ws, Soul note) {
    try {
      return ws.findNote(note).isPresent();
    } catch (Exception e) {
      return false;
    }
  }

  private static List<String> fileText(Path db) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    for (String suffix : List.of("", "-wal")) {
      Path f = db.resolveSibling(db.getFileName() + suffix);
      if (Files.exists(f)) {
        out.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    }
    return out;
  }

  private static void assertFilesHoldNone(Path db, String... markers) throws Exception {
    for (String text : fileText(db)) {
      for (String m : markers) {
        assertThat(text).as(db + " (or its WAL) holds " + m).doesNotContain(m);
      }
    }
  }
}
