package org.rhizome.graph.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.membership.NetworkSecrets;
import org.rhizome.graph.merge.FieldState;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.privacy.EpochKeys;
import org.rhizome.graph.privacy.KeyId;
import org.rhizome.graph.privacy.KeyRing;

/**
 * The network secrets of the epochs this device holds (decision 0009), read on any connection: the
 * current one (of the key it seals under), the older ones, and whether every device in good
 * standing has moved to the current one — has written a change after the one that made its key.
 */
public final class EpochNetwork {
  private EpochNetwork() {}

  public static NetworkSecrets read(Connection c, KeyRing ring)
      throws SQLException, StoreException {
    FieldTable fields = new FieldTable(c);
    Map<String, FieldState> epoch = fields.node(EpochKeys.EPOCH);
    if (epoch.isEmpty()) {
      return NetworkSecrets.NONE;
    }
    ChangeLog log = new ChangeLog(c);
    RoleView view = RoleView.build(fields, log, new HashMap<>());
    Map<ActorId, ActorId> good = EpochSealing.devicesInGoodStanding(c, view, Set.of(), Set.of());
    EpochSealing.Keys keys =
        EpochSealing.keys(epoch, good, id -> EpochSealing.keyFor(ring, id, epoch));
    KeyId chosen = keys.chosen();
    if (chosen == null) {
      return NetworkSecrets.NONE;
    }
    List<KeyId> others = new ArrayList<>(keys.held().keySet());
    others.remove(chosen);
    others.sort(
        (a, b) ->
            EpochSealing.newer(a, b, keys.generations())
                ? -1
                : EpochSealing.newer(b, a, keys.generations()) ? 1 : 0);
    List<byte[]> older = new ArrayList<>();
    for (KeyId k : others) {
      older.add(EpochKeys.networkSecret(ring.workspace(), keys.held().get(k)));
    }
    return new NetworkSecrets(
        Optional.of(EpochKeys.networkSecret(ring.workspace(), keys.held().get(chosen))),
        older,
        everyoneMoved(log, epoch.get(EpochKeys.keyField(chosen)), good.keySet(), ring.device()));
  }

  /** Whether every device in {@code good} has written after the change that made the key. */
  private static boolean everyoneMoved(
      ChangeLog log, FieldState made, Set<ActorId> good, ActorId me)
      throws SQLException, StoreException {
    ActorId maker = made.actor();
    long makerSeq = seqAt(log, maker, made.hlc());
    if (makerSeq == 0) {
      return false;
    }
    for (ActorId d : good) {
      if (d.equals(maker) || d.equals(me)) {
        continue;
      }
      long head = log.head(d).seq();
      Optional<Change> last = head == 0 ? Optional.empty() : log.load(d, head);
      if (last.isEmpty() || last.get().deps().get(maker) < makerSeq) {
        return false;
      }
    }
    return true;
  }

  /** The seq of {@code actor}'s change with clock {@code hlc} (clocks grow along a chain); 0. */
  private static long seqAt(ChangeLog log, ActorId actor, long hlc)
      throws SQLException, StoreException {
    long lo = 1;
    long hi = log.head(actor).seq();
    while (lo <= hi) {
      long mid = (lo + hi) >>> 1;
      Optional<Change> c = log.load(actor, mid);
      if (c.isEmpty()) {
        return 0;
      }
      long h = c.get().hlc();
      if (h == hlc) {
        return mid;
      }
      if (h < hlc) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return 0;
  }
}
