package org.rhizome.app.cli.bench;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.rhizome.app.sync.SyncLauncher;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.Grant;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.replication.SyncConfig;
import org.rhizome.sync.replication.WorkspaceSync;
import org.rhizome.sync.replication.invite.Invite;
import org.rhizome.sync.replication.invite.SharedWorkspaces;

/**
 * Replicas of one shared workspace for {@code bench sync}, each with its own file, device key and
 * libp2p host on loopback; each new peer dials every earlier one (a full mesh, as on a LAN). Not
 * thread-safe: driven by the bench thread.
 */
final class BenchPeers implements AutoCloseable {
  private static final Multiaddr LOOPBACK = Multiaddr.parse("/ip4/127.0.0.1/tcp/0");

  private final Path dir;
  private final SecureRandom random = new SecureRandom();
  final List<Workspace> workspaces = new ArrayList<>();
  final List<DeviceKey> keys = new ArrayList<>();
  final List<WorkspaceSync> syncs = new ArrayList<>();

  BenchPeers(Path dir) {
    this.dir = dir;
  }

  static SyncConfig config(Workspace ws, List<Multiaddr> peers) throws Exception {
    return SyncConfig.defaults(SharedWorkspaces.secret(ws).orElseThrow())
        .withListen(List.of(LOOPBACK))
        .withPeers(peers)
        .withRedial(Duration.ofMillis(300))
        .withAntiEntropy(SyncLauncher.ANTI_ENTROPY)
        .withAgentVersion("rhizome-bench");
  }

  /** Founds the workspace (not yet syncing: call {@link #startAll} or {@link #join}). */
  Workspace found() throws Exception {
    DeviceKey key = DeviceKey.generate(random);
    Workspace ws = SharedWorkspaces.found(dir.resolve("peer0.db"), key, "bench", "peer0");
    workspaces.add(ws);
    keys.add(key);
    syncs.add(null);
    return ws;
  }

  /** Starts syncing peer {@code i}, dialling every running peer before it. */
  WorkspaceSync start(int i) throws Exception {
    List<Multiaddr> earlier = new ArrayList<>();
    for (int j = 0; j < i; j++) {
      if (syncs.get(j) != null) {
        earlier.addAll(syncs.get(j).host().listenAddresses());
      }
    }
    WorkspaceSync s =
        WorkspaceSync.start(workspaces.get(i), keys.get(i), config(workspaces.get(i), earlier));
    syncs.set(i, s);
    return s;
  }

  /**
   * A fresh device joins with an invite from peer 0 (which must be syncing); returns without
   * waiting.
   */
  int join() throws Exception {
    return join(ws -> {});
  }

  /**
   * As {@link #join()}, handing the fresh replica to {@code beforeSync} before its sync starts (to
   * subscribe to its change feed, say).
   */
  int join(java.util.function.Consumer<Workspace> beforeSync) throws Exception {
    int n = workspaces.size();
    WorkspaceSync inviter = syncs.get(0);
    Invite invite =
        SharedWorkspaces.invite(
            workspaces.get(0), Grant.MEMBER, Duration.ofDays(1), inviter.host().listenAddresses());
    DeviceKey key = DeviceKey.generate(random);
    Workspace ws =
        SharedWorkspaces.openForInvite(
            dir.resolve("peer" + n + ".db"), key, Invite.parse(invite.format()), "peer" + n);
    workspaces.add(ws);
    keys.add(key);
    syncs.add(null);
    beforeSync.accept(ws);
    start(n);
    return n;
  }

  /** Stops syncing peer {@code i} (its replica stays open). */
  void stop(int i) {
    if (syncs.get(i) != null) {
      syncs.get(i).close();
      syncs.set(i, null);
    }
  }

  void stopAll() {
    for (int i = 0; i < syncs.size(); i++) {
      if (syncs.get(i) != null) {
        syncs.get(i).close();
        syncs.set(i, null);
      }
    }
  }

  /** Whether every replica may write (its join has been accepted on its own file). */
  boolean allMembers() throws Exception {
    for (Workspace w : workspaces) {
      if (!w.membership().canWrite()) {
        return false;
      }
    }
    return true;
  }

  /** Whether every replica holds the same changes (version vectors first: a digest costs more). */
  boolean converged() throws Exception {
    var first = workspaces.get(0).versionVector().asMap();
    for (Workspace w : workspaces) {
      if (!w.versionVector().asMap().equals(first)) {
        return false;
      }
    }
    String digest = workspaces.get(0).digest();
    for (Workspace w : workspaces) {
      if (!w.digest().equals(digest)) {
        return false;
      }
    }
    return true;
  }

  static void await(String what, Duration timeout, Check condition) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "bench sync: " + what + " did not happen within " + timeout.toSeconds() + " s");
      }
      Thread.sleep(20); // polls cost the peers' CPU too: not too often
    }
  }

  /** A condition that may throw. */
  @FunctionalInterface
  interface Check {
    boolean holds() throws Exception;
  }

  @Override
  public void close() {
    stopAll();
    workspaces.forEach(Workspace::close);
  }
}
