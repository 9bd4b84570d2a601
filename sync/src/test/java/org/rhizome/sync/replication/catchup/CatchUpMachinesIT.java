package org.rhizome.sync.replication.catchup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.model.WorkspaceId;

/**
 * The catch-up state machines driven against each other with no network: messages are moved by
 * hand, so the tests choose exactly when batches are applied, acknowledged or lost. The logs and
 * state are real workspaces.
 */
class CatchUpMachinesIT {
  @TempDir Path dir;
  final SecureRandom random = new SecureRandom();
  Workspace source;
  Workspace target;

  @BeforeEach
  void open() throws Exception {
    WorkspaceId id = WorkspaceId.of(new byte[16]);
    source =
        Workspace.open(
            dir.resolve("source.db"),
            id,
            MembershipMode.OPEN,
            DeviceKey.generate(random),
            System::currentTimeMillis);
    target =
        Workspace.open(
            dir.resolve("target.db"),
            id,
            MembershipMode.OPEN,
            DeviceKey.generate(random),
            System::currentTimeMillis);
    List<String[]> notes = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      notes.add(
          new String[] {"note " + i, "body of note " + i + " links [[note " + (i / 2) + "]]"});
    }
    source.createNotesAsync(notes).get();
  }

  @AfterEach
  void close() {
    source.close();
    target.close();
  }

  /** Moves messages between one client and one server; applies batches only when asked to. */
  final class Exchange {
    final PullServer server = new PullServer();
    final PullClient client;
    final Deque<SyncMessage> toServer = new ArrayDeque<>();
    final Deque<SyncMessage> toClient = new ArrayDeque<>();
    final Deque<CatchUpAction.Apply> toApply = new ArrayDeque<>();
    final ChangeSource reader = new ChangeSource(source);
    PullSummary clientResult;
    CatchUpAction.Fail clientFailure;
    CatchUpAction.Fail serverFailure;
    long batchesDelivered;
    long acksDelivered;
    long maxInFlight;

    Exchange(int window, int batchBytes) throws Exception {
      client = new PullClient(target.versionVector(), window, batchBytes);
      clientActions(client.start());
    }

    void clientActions(List<CatchUpAction> actions) {
      for (CatchUpAction a : actions) {
        if (a instanceof CatchUpAction.Send s) {
          toServer.add(s.message());
        } else if (a instanceof CatchUpAction.Apply apply) {
          toApply.add(apply);
        } else if (a instanceof CatchUpAction.Finish f) {
          clientResult = f.summary();
        } else if (a instanceof CatchUpAction.Fail f) {
          clientFailure = f;
        }
      }
    }

    void serverActions(List<CatchUpAction> actions) throws Exception {
      for (CatchUpAction a : actions) {
        if (a instanceof CatchUpAction.Send s) {
          toClient.add(s.message());
        } else if (a instanceof CatchUpAction.Read r) {
          ChangeSource.Chunk chunk = reader.read(r.have(), r.after(), r.maxChanges(), r.maxBytes());
          serverActions(server.onRead(chunk.changes(), chunk.lastPosition(), chunk.more()));
        } else if (a instanceof CatchUpAction.Fail f) {
          serverFailure = f;
        }
      }
    }

    /** Delivers every queued message (but applies nothing). */
    void pump() throws Exception {
      while (!toServer.isEmpty() || !toClient.isEmpty()) {
        while (!toServer.isEmpty()) {
          SyncMessage m = toServer.poll();
          if (m instanceof SyncMessage.Ack) {
            acksDelivered++;
          }
          serverActions(server.onMessage(m));
        }
        while (!toClient.isEmpty()) {
          SyncMessage m = toClient.poll();
          if (m instanceof SyncMessage.Batch) {
            batchesDelivered++;
            maxInFlight = Math.max(maxInFlight, batchesDelivered - acksDelivered);
          }
          clientActions(client.onMessage(m));
        }
      }
    }

    /** Applies the oldest pending batch for real. */
    boolean applyOne() throws Exception {
      CatchUpAction.Apply apply = toApply.poll();
      if (apply == null) {
        return false;
      }
      List<ApplyResult> results = target.applyRemote(apply.changes());
      clientActions(client.onApplied(apply.batch(), results));
      return true;
    }

    void runToEnd() throws Exception {
      for (int i = 0; i < 100_000; i++) {
        pump();
        if (!applyOne()) {
          pump();
          return;
        }
      }
      throw new AssertionError("the exchange did not end");
    }
  }

  @Test
  void aPullBringsEverythingInBatchesAndNeverRunsAheadOfTheWindow() throws Exception {
    Exchange x = new Exchange(3, 16 << 10);
    x.runToEnd();
    assertThat(x.clientFailure).isNull();
    assertThat(x.serverFailure).isNull();
    assertThat(x.clientResult).isNotNull();
    assertThat(x.clientResult.received()).isEqualTo(1_500);
    assertThat(x.clientResult.applied()).isEqualTo(1_500);
    assertThat(x.batchesDelivered).isGreaterThan(10);
    assertThat(x.maxInFlight).isBetween(1L, 3L);
    assertThat(target.digest()).isEqualTo(source.digest());

    // Nothing is missing now: the next pull is an empty exchange.
    Exchange again = new Exchange(3, 16 << 10);
    again.runToEnd();
    assertThat(again.clientResult).isEqualTo(new PullSummary(0, 0, 0, 0));
  }

  @Test
  void anInterruptedPullResumesWithoutSendingAgainWhatWasApplied() throws Exception {
    Exchange first = new Exchange(2, 8 << 10);
    first.pump();
    first.applyOne();
    first.pump();
    first.applyOne();
    first.pump();
    // The connection drops here, with batches in flight that are never applied.
    first.clientActions(first.client.onClosed());
    first.serverActions(first.server.onClosed());
    assertThat(first.clientFailure).isNotNull();
    long appliedBefore = target.versionVector().get(source.actor());
    assertThat(appliedBefore).isGreaterThan(0).isLessThan(1_500);

    Exchange second = new Exchange(2, 8 << 10);
    second.runToEnd();
    assertThat(second.clientResult.received()).isEqualTo(1_500 - appliedBefore);
    assertThat(target.digest()).isEqualTo(source.digest());
  }

  @Test
  void protocolViolationsEndTheExchangeAsThePeersFault() throws Exception {
    PullServer server = new PullServer();
    List<CatchUpAction> out = server.onMessage(new SyncMessage.Ack(1));
    assertThat(out)
        .last()
        .isInstanceOfSatisfying(
            CatchUpAction.Fail.class, f -> assertThat(f.peerAtFault()).isTrue());
    assertThat(out).first().isInstanceOf(CatchUpAction.Send.class); // the abort, with its reason
    assertThat(server.onMessage(new SyncMessage.Pull(VersionVector.EMPTY, 1, 1))).isEmpty();

    PullClient client = new PullClient(VersionVector.EMPTY, 1, 1 << 16);
    client.start();
    assertThat(client.onMessage(new SyncMessage.Batch(2, List.of(new byte[] {1}))))
        .last()
        .isInstanceOfSatisfying(
            CatchUpAction.Fail.class, f -> assertThat(f.peerAtFault()).isTrue());

    PullClient greedy = new PullClient(VersionVector.EMPTY, 1, 1 << 16);
    greedy.start();
    assertThat(greedy.onMessage(new SyncMessage.Batch(1, List.of(new byte[] {1}))))
        .singleElement()
        .isInstanceOf(CatchUpAction.Apply.class);
    assertThat(greedy.onMessage(new SyncMessage.Batch(2, List.of(new byte[] {1}))))
        .last()
        .isInstanceOfSatisfying(
            CatchUpAction.Fail.class, f -> assertThat(f.reason()).contains("window"));

    PullClient lied = new PullClient(VersionVector.EMPTY, 2, 1 << 16);
    lied.start();
    lied.onMessage(new SyncMessage.End(5));
    assertThat(lied.isDone()).isTrue();
  }
}
