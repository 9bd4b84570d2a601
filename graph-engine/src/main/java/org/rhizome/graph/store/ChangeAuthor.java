package org.rhizome.graph.store;

import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.ChangeDraft;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.clock.HybridClock;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.model.WorkspaceId;
import org.rhizome.graph.privacy.EpochKeys;

/**
 * Makes this device's changes: the next seq after the actor's head, the previous hash, a fresh
 * clock reading, the version vector as dependencies, and the signature. Use only on the writer
 * thread, inside a {@link WriteTxn}, so seq numbers never race (even across processes: the
 * transaction holds SQLite's write lock).
 */
public final class ChangeAuthor {
  private final WorkspaceId workspace;
  private final DeviceKey key;
  private final HybridClock clock;

  public ChangeAuthor(WorkspaceId workspace, DeviceKey key, HybridClock clock) {
    this.workspace = workspace;
    this.key = key;
    this.clock = clock;
  }

  public DeviceKey key() {
    return key;
  }

  public HybridClock clock() {
    return clock;
  }

  /** Makes a change's ops from the seq and version vector it will have (decision 0007's events). */
  @FunctionalInterface
  public interface OpsMaker {
    List<Op> ops(long seq, VersionVector deps) throws StoreException;
  }

  /** Signs {@code ops} as this device's next change and applies it in {@code txn}. */
  public Change commit(WriteTxn txn, List<Op> ops) throws SQLException, StoreException {
    return commit(txn, (seq, deps) -> ops);
  }

  /** As {@link #commit(WriteTxn, List)}, with ops that name the change itself. */
  public Change commit(WriteTxn txn, OpsMaker maker) throws SQLException, StoreException {
    ChangeLog.Head head = txn.log().head(key.actor());
    // Another process with this device's key (the CLI beside the app) may have written since: our
    // clock must stay ahead of this actor's last change, or our newer edit could lose to it.
    clock.observe(head.hlc());
    VersionVector deps = txn.log().versionVector().without(key.actor());
    List<Op> ops = txn.withEpochKeys(head.seq() + 1, maker.ops(head.seq() + 1, deps)); // 0009
    return signAndApply(txn, head, deps, ops);
  }

  /**
   * Signs a change that carries only the epoch key fields this device owes (decision 0009: wraps of
   * the keys it holds for devices in good standing that have none, e.g. one that just joined), if
   * it owes any; null, and nothing written, when it owes none — or when it holds no usable key
   * itself (a device still catching up): it makes a new key only in a change it has to sign.
   */
  public @Nullable Change commitOwedEpochKeys(WriteTxn txn) throws SQLException, StoreException {
    ChangeLog.Head head = txn.log().head(key.actor());
    clock.observe(head.hlc());
    VersionVector deps = txn.log().versionVector().without(key.actor());
    List<Op> ops = txn.withEpochKeys(head.seq() + 1, List.of());
    boolean newKey =
        ops.stream()
            .anyMatch(
                op ->
                    op instanceof Op.SetField set
                        && EpochKeys.isEpoch(set.soul())
                        && EpochKeys.parseKeyField(set.field()).isPresent());
    return ops.isEmpty() || newKey ? null : signAndApply(txn, head, deps, ops);
  }

  private Change signAndApply(WriteTxn txn, ChangeLog.Head head, VersionVector deps, List<Op> ops)
      throws SQLException, StoreException {
    List<Op> signed = txn.sealOwn(head.seq() + 1, ops); // private notes (decision 0008)
    ChangeDraft draft =
        new ChangeDraft(
            workspace, key.actor(), head.seq() + 1, head.hash(), clock.now(), deps, signed);
    long t = WriteStats.start();
    Change change = Change.sign(draft, key);
    WriteStats.add(WriteStats.Stage.SIGN, t);
    if (signed != ops) {
      change = org.rhizome.graph.change.SealedOps.seenAs(change, ops); // seen in the clear here
    }
    txn.applyOwn(change);
    return change;
  }
}
