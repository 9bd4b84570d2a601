package org.rhizome.sync.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.Soul;
import org.rhizome.sync.host.Host;
import org.rhizome.sync.host.HostConfig;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PrivateKey;
import org.rhizome.sync.pnet.PreSharedKey;
import org.rhizome.sync.replication.invite.SharedWorkspaces;

/**
 * Decision 0009 over real peers on loopback. A removes X while C is offline; B writes a marker
 * after it. X's process keeps running, holding the old secret and dialling everyone, and records
 * every change it is handed: neither those bytes, nor its file, nor its WAL hold the marker. C
 * comes back dialling X first (an old peer passing on what it holds) and A and B (which still
 * accept the old network key, as C has not moved yet): it gets the removal and everything after,
 * reads the marker, and A, B and C converge to one digest. Once C writes, everyone has moved: A
 * accepts only the new network key, so a host on the old one cannot even finish the private
 * network's handshake with it, while one on the new key connects.
 */
@Timeout(240)
class EpochRotationIT {
  @TempDir Path dir;

  static final String MARKER = "zqxrotationmark";

  @Test
  void aRemovedMemberGetsNoPlaintextAndCannotReachThoseWhoKnow() throws Exception {
    try (Peers peers = new Peers(dir)) {
      WorkspaceSync a = peers.found();
      WorkspaceSync b = peers.join(a);
      WorkspaceSync c = peers.join(a);
      WorkspaceSync x = peers.join(a);
      Workspace wa = peers.workspace(a);
      Workspace wb = peers.workspace(b);
      Workspace wc = peers.workspace(c);
      Workspace wx = peers.workspace(x);
      peers.awaitConverged(Duration.ofSeconds(60));
      PreSharedKey old = SharedWorkspaces.secret(wa).orElseThrow().preSharedKey(wa.id());

      // C goes offline; X runs on with a replica that keeps every change it is handed.
      peers.stop(2);
      peers.stop(3);
      RecordingReplica recording = new RecordingReplica(wx);
      List<Multiaddr> ab = new ArrayList<>(a.host().listenAddresses());
      ab.addAll(b.host().listenAddresses());
      WorkspaceSync xs =
          WorkspaceSync.start(
              recording,
              peers.keys.get(3),
              peers
                  .fast(SharedWorkspaces.secret(wx).orElseThrow())
                  .withPeers(ab)
                  .withListen(peers.lastListen.get(3)),
              LiveFaults.NONE);
      try {
        Soul before = wb.createNote("Before", "written before the removal");
        Peers.await(Duration.ofSeconds(30), () -> has(wx, before));

        wa.membership().removeAsync(wx.actor()).get();
        Peers.await(Duration.ofSeconds(30), () -> removed(wb, wx));
        Soul secret = wb.createNote("Plan " + MARKER, MARKER + " body words");
        Peers.await(Duration.ofSeconds(30), () -> has(wa, secret));
        assertThat(wa.membership().networkSecrets().current()).isPresent();

        // C comes back, dialling X first, then A and B, on the old secret.
        List<Multiaddr> xab = new ArrayList<>(xs.host().listenAddresses());
        xab.addAll(ab);
        WorkspaceSync cs = peers.restart(2, xab);
        Peers.await(Duration.ofSeconds(60), () -> has(wc, secret));
        assertThat(wc.findNote(secret).orElseThrow().body()).contains(MARKER);
        peers.awaitConverged(Duration.ofSeconds(60)); // A, B and C (X is not among them)
        assertThat(wc.digest()).isEqualTo(wa.digest()).isEqualTo(wb.digest());
        assertThat(cs.host().peerId()).isNotNull();

        Thread.sleep(2000); // X keeps redialling and pulling
        assertThat(has(wx, secret)).isFalse();
        assertThat(wx.search(MARKER, 10)).isEmpty();
        assertThat(recording.received).isNotEmpty();
        for (byte[] frame : recording.received) {
          assertThat(new String(frame, StandardCharsets.ISO_8859_1))
              .as("a change X received")
              .doesNotContain(MARKER);
        }
        assertFilesHoldNone(wx.file(), MARKER);
        assertThat(fileText(wx.file())).contains("written before the removal"); // the check sees

        // C writes: every device in good standing has moved, and the old key is retired.
        Soul fromC = wc.createNote("From C", "after coming back");
        Peers.await(Duration.ofSeconds(30), () -> has(wa, fromC));
        Peers.await(Duration.ofSeconds(30), () -> moved(wa));
        PreSharedKey current =
            PreSharedKey.of(wa.membership().networkSecrets().current().orElseThrow());
        assertThat(current).isNotEqualTo(old);
        Multiaddr addr = a.host().listenAddresses().get(0);
        try (Host onOld = host(old);
            Host onCurrent = host(current)) {
          // A stranger on the old key (X's, say) fails in the private network's handshake.
          Peers.await(Duration.ofSeconds(10), () -> fails(onOld, addr));
          assertThatThrownBy(() -> onOld.dial(addr).get(10, TimeUnit.SECONDS)).isNotNull();
          assertThat(onCurrent.dial(addr).get(10, TimeUnit.SECONDS)).isEqualTo(a.host().peerId());
        }
        assertThat(a.host().connectedPeers()).doesNotContain(RemovedPeers.peerOf(wx.actor()));
        assertThat(has(wx, fromC)).isFalse();
      } finally {
        xs.close();
      }
    }
  }

  private static Host host(PreSharedKey psk) throws Exception {
    return Host.start(
        HostConfig.builder(PrivateKey.generate(new SecureRandom()))
            .listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))
            .psk(psk)
            .build());
  }

  private static boolean fails(Host from, Multiaddr to) {
    try {
      from.disconnect(from.dial(to).get(10, TimeUnit.SECONDS));
      return false;
    } catch (Exception e) {
      return true;
    }
  }

  private static boolean moved(Workspace ws) {
    try {
      return ws.membership().networkSecrets().everyoneMoved();
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean removed(Workspace at, Workspace member) {
    try {
      return at.membership().role(member.actor()).isEmpty();
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean has(Workspace ws, Soul note) {
    try {
      return ws.findNote(note).isPresent();
    } catch (Exception e) {
      return false;
    }
  }

  private static String fileText(Path db) throws Exception {
    StringBuilder out = new StringBuilder();
    for (String suffix : List.of("", "-wal")) {
      Path f = db.resolveSibling(db.getFileName() + suffix);
      if (Files.exists(f)) {
        out.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    }
    return out.toString();
  }

  private static void assertFilesHoldNone(Path db, String marker) throws Exception {
    assertThat(fileText(db)).as(db + " (or its WAL)").doesNotContain(marker);
  }
}
