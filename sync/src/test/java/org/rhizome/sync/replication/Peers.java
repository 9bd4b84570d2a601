package org.rhizome.sync.replication;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.Grant;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.replication.invite.Invite;
import org.rhizome.sync.replication.invite.SharedWorkspaces;
import org.rhizome.sync.replication.invite.WorkspaceSecret;

/**
 * Test helper: real replicas of one shared workspace, each syncing over loopback. Closes
 * everything.
 */
final class Peers implements AutoCloseable {
  static final Multiaddr LOOPBACK = Multiaddr.parse("/ip4/127.0.0.1/tcp/0");

  final Path dir;
  final SecureRandom random = new SecureRandom();
  final List<Workspace> workspaces = new ArrayList<>();
  final List<WorkspaceSync> syncs = new ArrayList<>();
  final List<DeviceKey> keys = new ArrayList<>();

  /** Every sync started (stopped ones too), with the workspace it was started on. */
  private final java.util.Map<WorkspaceSync, Workspace> startedOn =
      new java.util.IdentityHashMap<>();

  LiveFaults faults = LiveFaults.NONE;
  Duration antiEntropy = Duration.ofSeconds(2);
  final java.util.Map<Integer, List<Multiaddr>> lastListen = new java.util.HashMap<>();

  Peers(Path dir) {
    this.dir = dir;
  }

  SyncConfig fast(WorkspaceSecret secret) {
    return SyncConfig.defaults(secret)
        .withListen(List.of(LOOPBACK))
        .withRedial(Duration.ofMillis(300))
        .withAntiEntropy(antiEntropy);
  }

  /** Founds the workspace and starts its first peer. */
  WorkspaceSync found() throws Exception {
    DeviceKey key = DeviceKey.generate(random);
    Workspace ws = SharedWorkspaces.found(dir.resolve("peer0.db"), key, "Team", "peer0");
    return add(ws, key, fast(SharedWorkspaces.secret(ws).orElseThrow()));
  }

  WorkspaceSync add(Workspace ws, DeviceKey key, SyncConfig config) throws Exception {
    workspaces.add(ws);
    keys.add(key);
    WorkspaceSync s = WorkspaceSync.start(ws, key, config, faults);
    syncs.add(s);
    startedOn.put(s, ws);
    return s;
  }

  /**
   * A new device joins with an invite made by {@code inviter}, dialling it; waits until it is a
   * member.
   */
  WorkspaceSync join(WorkspaceSync inviter) throws Exception {
    return join(inviter, org.rhizome.graph.membership.Role.WRITER);
  }

  /** As {@link #join(WorkspaceSync)}, joining with {@code role} (the inviter must be an admin). */
  WorkspaceSync join(WorkspaceSync inviter, org.rhizome.graph.membership.Role role)
      throws Exception {
    int n = workspaces.size();
    Invite invite =
        SharedWorkspaces.invite(
            workspace(inviter),
            Grant.MEMBER,
            role,
            Duration.ofDays(1),
            inviter.host().listenAddresses());
    Invite parsed = Invite.parse(invite.format());
    DeviceKey key = DeviceKey.generate(random);
    Workspace ws =
        SharedWorkspaces.openForInvite(dir.resolve("peer" + n + ".db"), key, parsed, "peer" + n);
    WorkspaceSync s = add(ws, key, fast(parsed.secret()).withPeers(parsed.addresses()));
    await(Duration.ofSeconds(20), () -> canWrite(ws));
    return s;
  }

  /**
   * The workspace {@code sync} was started on: the tests use it whole (notes, digests), while sync
   * itself holds only its Replica role.
   */
  Workspace workspace(WorkspaceSync sync) {
    Workspace ws = startedOn.get(sync);
    if (ws == null) {
      throw new IllegalArgumentException("not a sync of these peers");
    }
    return ws;
  }

  static boolean canWrite(Workspace ws) {
    try {
      return ws.membership().canWrite();
    } catch (Exception e) {
      return false;
    }
  }

  static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(20);
    }
  }

  /** Waits until every running replica has the same digest. */
  void awaitConverged(Duration timeout) throws InterruptedException {
    try {
      await(timeout, this::converged);
    } catch (AssertionError e) {
      StringBuilder state = new StringBuilder(e.getMessage()).append(": replicas differ");
      for (int i = 0; i < workspaces.size(); i++) {
        try {
          state
              .append("\n  peer")
              .append(i)
              .append(syncs.get(i) == null ? " (stopped)" : "")
              .append(' ')
              .append(workspaces.get(i).versionVector());
        } catch (Exception ignored) {
          state.append("\n  peer").append(i).append(" unreadable");
        }
      }
      throw new AssertionError(state.toString(), e);
    }
  }

  boolean converged() {
    try {
      String first = null;
      for (int i = 0; i < workspaces.size(); i++) {
        if (syncs.get(i) == null) {
          continue;
        }
        String d = workspaces.get(i).digest();
        if (first == null) {
          first = d;
        } else if (!first.equals(d)) {
          return false;
        }
      }
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /** Stops peer {@code i}'s sync (its workspace stays open: it can keep editing offline). */
  void stop(int i) {
    List<Multiaddr> bound = new ArrayList<>();
    for (Multiaddr a : syncs.get(i).host().listenAddresses()) {
      bound.add(a.withoutPeerId());
    }
    lastListen.put(i, bound);
    syncs.get(i).close();
    syncs.set(i, null);
  }

  /** Restarts peer {@code i}'s sync on the port it had, dialling {@code peers}. */
  WorkspaceSync restart(int i, List<Multiaddr> peers) throws Exception {
    Workspace ws = workspaces.get(i);
    SyncConfig config =
        fast(SharedWorkspaces.secret(ws).orElseThrow())
            .withPeers(peers)
            .withListen(lastListen.get(i));
    WorkspaceSync s = WorkspaceSync.start(ws, keys.get(i), config, faults);
    syncs.set(i, s);
    startedOn.put(s, ws);
    return s;
  }

  @Override
  public void close() {
    for (WorkspaceSync s : syncs) {
      if (s != null) {
        s.close();
      }
    }
    workspaces.forEach(Workspace::close);
  }
}
