package org.rhizome.sync.replication;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import org.rhizome.graph.ChangeEvent;
import org.rhizome.graph.Replica;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.membership.Person;
import org.rhizome.graph.membership.SystemSouls;
import org.rhizome.graph.model.ActorId;
import org.rhizome.sync.host.Host;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.peer.PublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the network to devices this replica knows were removed or revoked (decisions 0007, 0008).
 * After the Noise handshake a peer's id is its device key: the host refuses those devices' new
 * connections before any protocol runs, and this hangs up on the ones still connected when their
 * removal arrives. Devices that are not members yet (joining with an invite) still connect. The set
 * is read from the engine on the disk executor, never on an event loop.
 */
final class RemovedPeers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RemovedPeers.class);

  private final Replica replica;
  private final Host host;
  private final Executor disk;
  private final AutoCloseable subscription;
  private volatile Set<PeerId> removed = Set.of();

  RemovedPeers(Replica replica, Host host, Executor disk) {
    this.replica = replica;
    this.host = host;
    this.disk = disk;
    refresh();
    host.refusePeers(peer -> removed.contains(peer));
    this.subscription = replica.subscribe(this::onChanges);
  }

  private void onChanges(ChangeEvent event) {
    for (Change c : event.changes()) {
      for (Op op : c.ops()) {
        if (op.soul().value().startsWith(SystemSouls.ACTOR_PREFIX)) {
          disk.execute(this::refresh);
          return;
        }
      }
    }
  }

  /** Reads who is removed, and hangs up on those connected. */
  void refresh() {
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
