package org.rhizome.sync.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.text.Splice;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.replication.invite.SharedWorkspaces;
import org.rhizome.sync.replication.invite.WorkspaceSecret;

/** Real replicas syncing over real libp2p connections on loopback. */
@Timeout(120)
class ReplicationIT {
  @TempDir Path dir;

  @Test
  void aDeviceJoinsWithAnInviteAndEditsPropagateLiveBothWays() throws Exception {
    try (Peers peers = new Peers(dir)) {
      WorkspaceSync a = peers.found();
      Soul early = peers.workspace(a).createNote("Before you came", "history");
      WorkspaceSync b = peers.join(a);
      Workspace wb = peers.workspace(b);
      assertThat(wb.findNote(early)).isPresent();
      Peers.await(Duration.ofSeconds(10), () -> named(peers.workspace(a), wb));

      Soul fromB = wb.createNote("From B", "hello [[Before you came]]");
      Peers.await(Duration.ofSeconds(10), () -> found(peers.workspace(a), fromB));
      Soul fromA = peers.workspace(a).createNote("From A", "hi");
      Peers.await(Duration.ofSeconds(10), () -> found(wb, fromA));
      peers.awaitConverged(Duration.ofSeconds(10));
      assertThat(a.status().peers()).hasSize(1);
    }
  }

  @Test
  void concurrentEditsOnThreePeersConverge() throws Exception {
    try (Peers peers = new Peers(dir)) {
      WorkspaceSync a = peers.found();
      Soul shared = peers.workspace(a).createNote("Shared", "start\n");
      WorkspaceSync b = peers.join(a);
      WorkspaceSync c = peers.join(a);
      peers.awaitConverged(Duration.ofSeconds(20));
      List<Thread> writers = new ArrayList<>();
      for (WorkspaceSync s : List.of(a, b, c)) {
        Thread t =
            new Thread(
                () -> {
                  try {
                    for (int i = 0; i < 30; i++) {
                      // Each writer types at the start; concurrent inserts all survive, none
                      // deletes another's.
                      peers
                          .workspace(s)
                          .spliceBody(
                              shared,
                              List.of(
                                  new Splice(
                                      0,
                                      0,
                                      peers.workspace(s).actor().hex().substring(0, 4)
                                          + " "
                                          + i
                                          + "\n")));
                      peers
                          .workspace(s)
                          .createNote(
                              "n-" + peers.workspace(s).actor().hex().substring(0, 6) + "-" + i,
                              "x");
                    }
                  } catch (Exception e) {
                    throw new RuntimeException(e);
                  }
                });
        writers.add(t);
        t.start();
      }
      for (Thread t : writers) {
        t.join(60_000);
      }
      peers.awaitConverged(Duration.ofSeconds(30));
      String body = peers.workspace(a).findNote(shared).orElseThrow().body();
      for (WorkspaceSync s : List.of(a, b, c)) {
        assertThat(body).contains(peers.workspace(s).actor().hex().substring(0, 4) + " 29\n");
      }
      assertThat(peers.workspace(a).noteCount()).isEqualTo(1 + 90);
    }
  }

  @Test
  void aPeerThatWasOfflineCatchesUpAndAPartitionHeals() throws Exception {
    try (Peers peers = new Peers(dir)) {
      WorkspaceSync a = peers.found();
      WorkspaceSync b = peers.join(a);
      List<Multiaddr> aAddrs = a.host().listenAddresses();
      peers.stop(1);
      // Both sides edit while apart.
      List<String[]> batch = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        batch.add(new String[] {"offline " + i, "while B was away " + i});
      }
      peers.workspace(a).createNotesAsync(batch).get();
      peers.workspace(b).createNote("B alone", "edited offline");
      assertThat(peers.workspace(b).digest()).isNotEqualTo(peers.workspace(a).digest());
      peers.restart(1, aAddrs);
      peers.awaitConverged(Duration.ofSeconds(60));
      assertThat(peers.workspaces.get(1).noteCount()).isEqualTo(10_001);
    }
  }

  @Test
  void droppedDuplicatedAndReorderedLiveMessagesStillConverge() throws Exception {
    try (Peers peers = new Peers(dir)) {
      FaultyDelivery faulty = new FaultyDelivery(0.3, 0.2, 80);
      peers.faults = faulty;
      WorkspaceSync a = peers.found();
      Soul shared = peers.workspace(a).createNote("Shared", "");
      WorkspaceSync b = peers.join(a);
      WorkspaceSync c = peers.join(a);
      List<Thread> writers = new ArrayList<>();
      for (WorkspaceSync s : List.of(a, b, c)) {
        Thread t =
            new Thread(
                () -> {
                  try {
                    for (int i = 0; i < 40; i++) {
                      peers
                          .workspace(s)
                          .spliceBody(
                              shared,
                              List.of(
                                  new Splice(
                                      0,
                                      0,
                                      peers.workspace(s).actor().hex().substring(0, 4)
                                          + i
                                          + "\n")));
                      Thread.sleep(5);
                    }
                  } catch (Exception e) {
                    throw new RuntimeException(e);
                  }
                });
        writers.add(t);
        t.start();
      }
      for (Thread t : writers) {
        t.join(60_000);
      }
      peers.awaitConverged(Duration.ofSeconds(45));
      assertThat(faulty.dropped.get()).isPositive();
      assertThat(faulty.duplicated.get()).isPositive();
      String body = peers.workspace(a).findNote(shared).orElseThrow().body();
      assertThat(body.lines()).hasSize(120);
      faulty.close();
    }
  }

  @Test
  void aNonMembersAndTamperedChangesAreRefusedEverywhere() throws Exception {
    try (Peers peers = new Peers(dir)) {
      WorkspaceSync a = peers.found();
      WorkspaceSync b = peers.join(a);
      // Mallory has the secret (she can connect) but never joined: her replica does not check
      // members.
      DeviceKey mallory = DeviceKey.generate(peers.random);
      Workspace forged =
          Workspace.open(
              dir.resolve("mallory.db"),
              peers.workspace(a).id(),
              MembershipMode.OPEN,
              mallory,
              System::currentTimeMillis);
      WorkspaceSync m =
          peers.add(
              forged,
              mallory,
              peers
                  .fast(SharedWorkspaces.secret(peers.workspace(a)).orElseThrow())
                  .withPeers(
                      List.of(
                          a.host().listenAddresses().get(0), b.host().listenAddresses().get(0))));
      Peers.await(Duration.ofSeconds(10), () -> m.host().connectedPeers().size() == 2);
      forged.createNote("Spam", "buy now");
      Soul legit = peers.workspace(a).createNote("Legit", "real");
      Peers.await(Duration.ofSeconds(10), () -> found(peers.workspace(b), legit));
      // And a member's change, tampered with on the way.
      byte[] tampered =
          peers.workspace(a).changesSince(VersionVector.EMPTY, 0, 1000).get(0).bytes();
      tampered[tampered.length - 5] ^= 1;
      m.host()
          .pubsub()
          .publish(
              m.topic(), org.rhizome.sync.replication.live.LiveBundle.encode(List.of(tampered)))
          .get();
      Peers.await(
          Duration.ofSeconds(10), () -> a.status().refused() >= 1 && b.status().refused() >= 1);
      Peers.await(
          Duration.ofSeconds(10), () -> a.status().refused() >= 2 && b.status().refused() >= 2);
      for (WorkspaceSync s : List.of(a, b)) {
        assertThat(peers.workspace(s).versionVector().get(mallory.actor())).isZero();
        assertThat(peers.workspace(s).search("Spam", 10)).isEmpty();
      }
      assertThat(peers.workspace(a).digest()).isEqualTo(peers.workspace(b).digest());
    }
  }

  @Test
  void changesAPeerPulledReachItsOtherPeersWithinSeconds() throws Exception {
    try (Peers peers = new Peers(dir)) {
      peers.antiEntropy = Duration.ofMinutes(5);
      WorkspaceSync a = peers.found();
      // B invites C, so B is an admin (decision 0007: only admins invite new people).
      WorkspaceSync b = peers.join(a, org.rhizome.graph.membership.Role.ADMIN);
      WorkspaceSync c = peers.join(b); // C knows only B
      peers.awaitConverged(Duration.ofSeconds(20));
      List<Multiaddr> aAddrs = a.host().listenAddresses();
      peers.stop(1);
      Soul note = peers.workspace(a).createNote("Made while B was away", "…");
      peers.restart(1, aAddrs);
      // B pulls it from A on reconnecting and relays it live to C (or C gets it by its settling
      // pull),
      // long before the 5-minute anti-entropy pull.
      Peers.await(Duration.ofSeconds(10), () -> found(peers.workspace(c), note));
    }
  }

  @Test
  void attachmentBytesFollowTheirNotesFromPeerToPeer() throws Exception {
    try (Peers peers = new Peers(dir)) {
      WorkspaceSync a = peers.found();
      byte[] picture = new byte[300_000];
      peers.random.nextBytes(picture);
      peers.workspace(a).putAttachment("img", "diagram.png", picture);
      WorkspaceSync b = peers.join(a);
      Peers.await(
          Duration.ofSeconds(20),
          () -> {
            try {
              return peers.workspace(b).attachmentBytes("img/diagram.png").isPresent();
            } catch (Exception e) {
              return false;
            }
          });
      assertThat(peers.workspace(b).attachmentBytes("img/diagram.png").orElseThrow())
          .isEqualTo(picture);
      assertThat(peers.workspace(b).missingBlobs(10)).isEmpty();
    }
  }

  @Test
  void aPeerWithAnotherSecretNeverConnects() throws Exception {
    try (Peers peers = new Peers(dir)) {
      WorkspaceSync a = peers.found();
      DeviceKey outsider = DeviceKey.generate(peers.random);
      Workspace ws =
          Workspace.open(
              dir.resolve("outsider.db"),
              peers.workspace(a).id(),
              MembershipMode.OPEN,
              outsider,
              System::currentTimeMillis);
      WorkspaceSync o = peers.add(ws, outsider, peers.fast(WorkspaceSecret.generate(peers.random)));
      Throwable failure = null;
      try {
        o.dial(a.host().listenAddresses().get(0)).get(15, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        failure = e.getCause();
      }
      assertThat(failure).isNotNull();
      assertThat(a.host().connectedPeers()).isEmpty();
      assertThat(o.host().connectedPeers()).isEmpty();
    }
  }

  static boolean named(Workspace ws, Workspace member) {
    try {
      return ws.membership().memberName(member.actor()).isPresent();
    } catch (Exception e) {
      return false;
    }
  }

  static boolean found(Workspace ws, Soul soul) {
    try {
      return ws.findNote(soul).isPresent();
    } catch (Exception e) {
      return false;
    }
  }
}
