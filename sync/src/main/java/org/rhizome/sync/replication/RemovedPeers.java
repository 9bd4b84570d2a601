package org.rhizome.sync.replication;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.ChangeEvent;
import org.rhizome.graph.Replica;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.membership.NetworkSecrets;
import org.rhizome.graph.membership.Person;
import org.rhizome.graph.membership.SystemSouls;
import org.rhizome.graph.model.ActorId;
import org.rhizome.sync.host.Host;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.peer.PublicKey;
import org.rhizome.sync.pnet.NetworkKeys;
import org.rhizome.sync.pnet.PreSharedKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the network to devices this replica knows were removed or revoked (decisions 0007, 0008).
 * After the Noise handshake a peer's id is its device key: the host refuses those devices' new
 * connections before any protocol runs, and this hangs up on the ones still connected when their
 * removal arrives. Devices that are not members yet (joining with an invite) still connect. The set
 * is read from the engine on the disk executor, never on an event loop.
 *
 * <p>It also rotates the private-network key (decision 0009): once this device holds an epoch key,
 * it dials with the secret derived from it, and accepts the older ones (the workspace's own among
 * them) only until every device in good standing has written after that epoch began — so a member
 * that was offline during a removal still gets in and catches up, and a removed device, which holds
 * only the older secrets, then cannot even finish the private-network handshake.
 */
final class RemovedPeers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RemovedPeers.class);

  private final Replica replica;
  private final Host host;
  private final Executor disk;
  private final AutoCloseable subscription;
  private volatile Set<PeerId> removed = Set.of();
  private final @Nullable PreSharedKey workspaceKey;
  private @Nullable NetworkKeys lastKeys;

  /** Whether older network keys are still accepted: then every change may retire them. */
  private volatile boolean rotating;

  private final AtomicBoolean rotationQueued = new AtomicBoolean();

  /** The invite expiry a re-check is scheduled for (guarded by {@code this}, as in rotate). */
  private long recheckAt;

  RemovedPeers(Replica replica, Host host, Executor disk, @Nullable PreSharedKey workspaceKey) {
    this.replica = replica;
    this.host = host;
    this.disk = disk;
    this.workspaceKey = workspaceKey;
    refresh();
    host.refusePeers(peer -> removed.contains(peer));
    this.subscription = replica.subscribe(this::onChanges);
  }

  /** A join older than this is history being caught up on, not someone joining now. */
  private static final long RECENT_JOIN_MILLIS = 10 * 60_000;

  private void onChanges(ChangeEvent event) {
    askForOwedWraps(event);
    for (Change c : event.changes()) {
      for (Op op : c.draft().ops()) {
        if (op.soul().value().startsWith(SystemSouls.ACTOR_PREFIX)) {
          disk.execute(this::refresh);
          return;
        }
        if (op.soul().value().startsWith(SystemSouls.SYSTEM_PREFIX)) {
          queueRotation(); // an epoch key or wrap (decision 0009)
          return;
        }
      }
    }
    if (rotating) {
      queueRotation(); // a member may just have moved to the current epoch
    }
  }

  /**
   * A device that joined just now (its first change, recent) gets the epoch keys this device holds
   * at once, not with its next note (decision 0009); the engine writes nothing when it owes none.
   */
  private void askForOwedWraps(ChangeEvent event) {
    long recent = System.currentTimeMillis() - RECENT_JOIN_MILLIS;
    for (Change c : event.changes()) {
      if (c.seq() == 1 && !c.actor().equals(replica.actor()) && c.millis() > recent) {
        disk.execute(
            () ->
                replica
                    .wrapOwedEpochKeysAsync()
                    .whenComplete(
                        (wrote, e) -> {
                          if (e != null) {
                            LOG.debug("could not wrap the epoch keys for a new device", e);
                          }
                        }));
        return;
      }
    }
  }

  private void queueRotation() {
    if (rotationQueued.compareAndSet(false, true)) {
      disk.execute(
          () -> {
            rotationQueued.set(false);
            rotate();
          });
    }
  }

  /** Reads the epochs' network secrets and hands the host the keys to dial and accept. */
  synchronized void rotate() {
    if (workspaceKey == null) {
      return;
    }
    try {
      NetworkSecrets s = replica.membership().networkSecrets();
      NetworkKeys keys;
      if (s.current().isEmpty()) {
        keys = NetworkKeys.of(workspaceKey);
      } else {
        List<PreSharedKey> older = new ArrayList<>();
        if (!s.everyoneMoved()) {
          for (byte[] k : s.older()) {
            older.add(PreSharedKey.of(k));
          }
          older.add(workspaceKey);
        } else {
          // An invite carries the workspace's own secret: while one is valid, a person invited
          // after a removal must still get in (a removed device that tries is refused by its id
          // right after the handshake, as while older secrets are accepted).
          OptionalLong invites = replica.membership().openInvitesUntil();
          if (invites.isPresent()) {
            older.add(workspaceKey);
            recheckAt(invites.getAsLong());
          }
        }
        keys = NetworkKeys.of(PreSharedKey.of(s.current().get()), older);
      }
      rotating = s.current().isPresent() && !s.everyoneMoved();
      if (!keys.equals(lastKeys)) {
        LOG.info("network key rotated (decision 0009): {} key(s) accepted", keys.accepted().size());
        host.useNetworkKeys(keys);
        lastKeys = keys;
      }
    } catch (Exception e) {
      LOG.warn("could not read the network keys: {}", e.toString());
    }
  }

  /** Rotates again when the last valid invite expires (it may close the workspace's secret). */
  private void recheckAt(long expiresMillis) {
    long delay = Math.max(0, expiresMillis - System.currentTimeMillis()) + 1_000;
    if (expiresMillis != recheckAt) {
      recheckAt = expiresMillis;
      CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, disk)
          .execute(this::queueRotation);
    }
  }

  /** Reads who is removed, and hangs up on those connected; then rotates the network key. */
  void refresh() {
    refuse();
    rotate();
  }

  private void refuse() {
    try {
      if (replica.membership().mode() != MembershipMode.MEMBERS) {
        return;
      }
      Set<PeerId> now = new HashSet<>();
      for (Person p : replica.membership().people()) { // one read of the roles for everyone
        for (Person.Device d : p.devices()) {
          if (p.removed() || d.revoked()) {
            now.add(peerOf(d.member().device()));
          }
        }
      }
      removed = Set.copyOf(now);
      for (PeerId peer : host.connectedPeers()) {
        if (now.contains(peer)) {
          LOG.info("closing the connection of {}: removed from the workspace", peer);
          host.disconnect(peer);
        }
      }
    } catch (Exception e) {
      LOG.warn("could not read who was removed: {}", e.toString());
    }
  }

  static PeerId peerOf(ActorId device) {
    return PeerId.fromPublicKey(PublicKey.ofEd25519(device.toBytes()));
  }

  @Override
  public void close() {
    try {
      subscription.close();
    } catch (Exception e) {
      LOG.debug("closing the subscription: {}", e.toString());
    }
  }
}
