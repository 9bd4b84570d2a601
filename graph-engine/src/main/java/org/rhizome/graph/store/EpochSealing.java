package org.rhizome.graph.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.change.SealedOps;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.encoding.DecodeException;
import org.rhizome.graph.membership.MembershipEvent;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.membership.SystemSouls;
import org.rhizome.graph.merge.FieldState;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.privacy.EpochKeys;
import org.rhizome.graph.privacy.KeyId;
import org.rhizome.graph.privacy.KeyRing;
import org.rhizome.graph.privacy.NoteCrypto;
import org.rhizome.graph.privacy.PrivateSouls;
import org.rhizome.graph.privacy.SealException;

/**
 * The workspace's epoch keys in the write path (decision 0009). A change of this device that
 * removes someone or revokes a device carries a new epoch key wrapped for every device still in
 * good standing; from the first such key on, the content of every change this device makes (all ops
 * but the reserved {@code sys.} nodes') is sealed under the newest <em>clean</em> key it holds —
 * one that no removed person's or revoked device's device made or has a wrap of. When it holds none
 * (two removals crossed, or it joined after the key was made and nobody has wrapped it for it yet)
 * it makes one in the change it is about to sign. A device in good standing that lacks a wrap of a
 * key this device holds gets one in this device's next change (a new member reads history).
 *
 * <p>A change from elsewhere is seen with its sealed content opened when this device holds its key,
 * and without it when not: the log keeps the signed bytes. Confined to the writer thread, except
 * {@link #openQuietly} with a reader's table.
 */
final class EpochSealing {
  /** Applies a stored change's content that a key learnt later opens (the history of a device). */
  @FunctionalInterface
  interface HistoryApplier {
    void apply(Change seen, long logId) throws SQLException, StoreException;
  }

  private final KeyRing ring;
  private final java.sql.Connection writer;
  private final MembershipRules rules;
  private final ChangeLog changeLog;
  private final RefusalLog refusals;

  /** The key this device's change #pendingSeq is sealed under (chosen by {@link #withKeys}). */
  private @Nullable KeyId pendingId;

  private byte @Nullable [] pendingKey;
  private long pendingSeq = -1;

  /**
   * The last choice, kept while the role view is the same object: every change that sets a field of
   * {@code sys.epoch} is a membership fact, after which the rules drop the view (as they do after a
   * rollback, or when another process committed), so the same view means the same epoch node —
   * which, with a thousand members, is thousands of wrap rows not read again per write.
   */
  private @Nullable RoleView cachedView;

  /** With {@link #cachedView}: the epoch node was empty (nobody was ever removed). */
  private boolean cachedEmpty;

  private @Nullable KeyId cachedId;

  EpochSealing(
      KeyRing ring,
      java.sql.Connection writer,
      MembershipRules rules,
      ChangeLog changeLog,
      RefusalLog refusals) {
    this.ring = ring;
    this.writer = writer;
    this.rules = rules;
    this.changeLog = changeLog;
    this.refusals = refusals;
  }

  /** Whether {@code ops} set anything on the epoch node (keys may have arrived with them). */
  static boolean touchesEpoch(List<Op> ops) {
    for (Op op : ops) {
      if (EpochKeys.isEpoch(op.soul())) {
        return true;
      }
    }
    return false;
  }

  // ---- this device's changes ----

  /**
   * {@code ops} and the epoch key fields this change must carry: a new key when it removes someone
   * or revokes a device, or when this device holds no clean key once one exists; wraps for devices
   * in good standing that lack one of a key this device holds. Chooses the key {@link #seal} seals
   * this change under.
   */
  List<Op> withKeys(long seq, List<Op> ops, TouchedNodes nodes)
      throws SQLException, StoreException {
    pendingSeq = seq;
    pendingId = null;
    pendingKey = null;
    if (rules.mode() != MembershipMode.MEMBERS) {
      return ops;
    }
    Set<ActorId> removedNow = new HashSet<>();
    Set<ActorId> revokedNow = new HashSet<>();
    for (Op op : ops) {
      Optional<ActorId> target = SystemSouls.actorOf(op.soul());
      Optional<MembershipEvent> event =
          target.isPresent() ? MembershipEvent.parse(op.field()) : Optional.empty();
      if (event.isPresent() && event.get().kind() == MembershipEvent.Kind.REMOVE) {
        removedNow.add(target.get());
      } else if (event.isPresent() && event.get().kind() == MembershipEvent.Kind.REVOKE) {
        revokedNow.add(target.get());
      }
    }
    boolean events = !removedNow.isEmpty() || !revokedNow.isEmpty();
    RoleView view = rules.view();
    if (!events && view == cachedView) {
      if (cachedEmpty) {
        return ops; // nobody was ever removed: nothing is sealed
      }
      Optional<byte[]> key =
          cachedId == null ? Optional.empty() : ring.key(EpochKeys.EPOCH, cachedId);
      if (key.isPresent()) {
        pendingId = cachedId;
        pendingKey = key.get();
        return ops;
      }
    }
    Map<String, FieldState> epoch = nodes.node(EpochKeys.EPOCH);
    if (epoch.isEmpty() && !events) {
      cachedView = view;
      cachedEmpty = true;
      return ops; // nobody was ever removed: nothing is sealed
    }
    cachedView = null;
    cachedEmpty = false;
    if (view.currentRole(ring.device()).isEmpty()) {
      return ops; // removed or revoked: the role check refuses this change before it is signed
    }
    Map<ActorId, ActorId> good = devicesInGoodStanding(writer, view, removedNow, revokedNow);
    Keys state = keys(epoch, good, id -> keyFor(id, epoch));
    Map<KeyId, Long> generations = state.generations();
    Map<KeyId, Set<ActorId>> wrapped = state.wrapped();
    Map<KeyId, byte[]> held = state.held();
    KeyId chosen = state.chosen();
    List<Op> out = new ArrayList<>(ops);
    if (chosen == null) {
      long gen = 1;
      for (long g : generations.values()) {
        gen = Math.max(gen, g + 1);
      }
      chosen = KeyId.random(ring.random());
      byte[] key = NoteCrypto.newKey(ring.random());
      ring.remember(EpochKeys.EPOCH, chosen, key);
      out.add(
          new Op.SetField(
              EpochKeys.EPOCH,
              EpochKeys.keyField(chosen),
              Value.of((double) Math.min(gen, EpochKeys.MAX_GENERATION))));
      held.put(chosen, key);
      wrapped.put(chosen, new HashSet<>());
    }
    // Every key this device holds, for every device in good standing that has no wrap of it.
    for (Map.Entry<KeyId, byte[]> k : held.entrySet()) {
      Set<ActorId> has = wrapped.getOrDefault(k.getKey(), Set.of());
      for (ActorId device : good.keySet()) {
        if (!has.contains(device)) {
          out.add(
              new Op.SetField(
                  EpochKeys.EPOCH,
                  EpochKeys.wrapField(k.getKey(), device),
                  Value.of(ring.wrapFor(EpochKeys.EPOCH, k.getKey(), k.getValue(), device))));
        }
      }
    }
    pendingId = chosen;
    pendingKey = held.get(chosen);
    if (out.size() == ops.size()) {
      cachedView = view;
      cachedId = chosen;
    } else {
      cachedId = null; // the epoch node grows with this change: choose again after it
    }
    return out.size() == ops.size() ? ops : out;
  }

  /**
   * {@code ops} (already made by {@link #withKeys} for this seq) with all but the reserved nodes'
   * ops sealed as one op under the chosen epoch key; {@code ops} itself before any removal.
   */
  List<Op> seal(long seq, List<Op> ops) {
    if (pendingId == null || pendingKey == null || pendingSeq != seq) {
      return ops;
    }
    List<Op> clear = new ArrayList<>(ops.size());
    List<Op> sealed = new ArrayList<>(ops.size());
    for (Op op : ops) {
      (EpochKeys.sealable(op) ? sealed : clear).add(op);
    }
    if (sealed.isEmpty()) {
      return ops;
    }
    clear.add(
        EpochKeys.seal(
            ring.workspace(), ring.device(), seq, pendingId, pendingKey, sealed, ring.random()));
    return clear;
  }

  /**
   * The epoch keys as this replica sees them: each key's generation, who has a wrap of it, those
   * this device holds, and the newest clean one it holds (null when none).
   */
  record Keys(
      Map<KeyId, Long> generations,
      Map<KeyId, Set<ActorId>> wrapped,
      Set<KeyId> unclean,
      Map<KeyId, byte[]> held,
      @Nullable KeyId chosen) {}

  static Keys keys(
      Map<String, FieldState> epoch,
      Map<ActorId, ActorId> good,
      java.util.function.Function<KeyId, Optional<byte[]>> keyFor) {
    Map<KeyId, Long> generations = new LinkedHashMap<>();
    Set<KeyId> unclean = new HashSet<>();
    Map<KeyId, Set<ActorId>> wrapped = new HashMap<>();
    for (Map.Entry<String, FieldState> f : epoch.entrySet()) {
      Optional<KeyId> made = EpochKeys.parseKeyField(f.getKey());
      if (made.isPresent()) {
        generations.put(made.get(), generation(f.getValue()));
        if (!good.containsKey(f.getValue().actor())) {
          unclean.add(made.get()); // its maker may be the removed one
        }
        continue;
      }
      Optional<PrivateSouls.Wrap> wrap = PrivateSouls.parseWrap(f.getKey());
      if (wrap.isPresent()) {
        wrapped.computeIfAbsent(wrap.get().key(), k -> new HashSet<>()).add(wrap.get().device());
        if (!good.containsKey(wrap.get().device())) {
          unclean.add(wrap.get().key());
        }
      }
    }
    Map<KeyId, byte[]> held = new LinkedHashMap<>();
    for (KeyId id : generations.keySet()) {
      keyFor.apply(id).ifPresent(k -> held.put(id, k));
    }
    KeyId chosen = null;
    for (KeyId id : held.keySet()) {
      if (!unclean.contains(id) && (chosen == null || newer(id, chosen, generations))) {
        chosen = id;
      }
    }
    return new Keys(generations, wrapped, unclean, held, chosen);
  }

  static boolean newer(KeyId a, KeyId b, Map<KeyId, Long> generations) {
    int c = Long.compare(generations.get(a), generations.get(b));
    return c > 0 || (c == 0 && a.hex().compareTo(b.hex()) > 0);
  }

  private static long generation(FieldState state) {
    try {
      return ValueCodec.decode(state.value()) instanceof Value.Num n ? (long) n.value() : 0;
    } catch (DecodeException e) {
      return 0;
    }
  }

  /** Each member device not removed (its person) nor revoked, with its person. */
  static Map<ActorId, ActorId> devicesInGoodStanding(
      java.sql.Connection writer, RoleView view, Set<ActorId> removedNow, Set<ActorId> revokedNow)
      throws SQLException {
    Map<ActorId, ActorId> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        writer.prepareStatement(
            "SELECT soul, value FROM field WHERE soul >= ? AND soul < ? AND name = ?")) {
      ps.setString(1, SystemSouls.ACTOR_PREFIX);
      ps.setString(
          2, SystemSouls.ACTOR_PREFIX.substring(0, SystemSouls.ACTOR_PREFIX.length() - 1) + "/");
      ps.setString(3, SystemSouls.PERSON);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Optional<ActorId> device =
              SystemSouls.actorOf(new org.rhizome.graph.model.Soul(rs.getString(1)));
          ActorId person = hex(rs.getBytes(2));
          if (device.isEmpty() || person == null) {
            continue;
          }
          if (view.removed(person)
              || removedNow.contains(person)
              || !view.revocationsOf(device.get()).isEmpty()
              || revokedNow.contains(device.get())) {
            continue;
          }
          out.put(device.get(), person);
        }
      }
    }
    return out;
  }

  private static @Nullable ActorId hex(byte[] value) {
    try {
      if (ValueCodec.decode(value) instanceof Value.Str s
          && s.value().length() == ActorId.LENGTH * 2) {
        return ActorId.parse(s.value());
      }
    } catch (DecodeException | IllegalArgumentException e) {
      // not a person
    }
    return null;
  }

  /** The key, from the ring or by opening this device's wrap on the epoch node. */
  private Optional<byte[]> keyFor(KeyId id, @Nullable Map<String, FieldState> epoch) {
    return keyFor(ring, id, epoch);
  }

  /** The key, from {@code ring} or by opening its device's wrap on the epoch node. */
  static Optional<byte[]> keyFor(KeyRing ring, KeyId id, @Nullable Map<String, FieldState> epoch) {
    Optional<byte[]> known = ring.key(EpochKeys.EPOCH, id);
    if (known.isPresent() || epoch == null) {
      return known;
    }
    FieldState field = epoch.get(EpochKeys.wrapField(id, ring.device()));
    String wrap = Sealing.string(field);
    if (wrap == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ring.learn(EpochKeys.EPOCH, id, wrap, field.actor()));
    } catch (SealException e) {
      return Optional.empty(); // refused (and noted) when the wrap arrived
    }
  }

  // ---- changes from elsewhere ----

  /**
   * The change's signed ops with its sealed content opened when this device holds the key (the
   * signed ops themselves when it has none). First learns the epoch keys it wraps for this device;
   * for a key that opens stored changes (a device wrapped later: a new member), {@code history}
   * applies them in log order.
   */
  List<Op> open(Change raw, TouchedNodes nodes, HistoryApplier history)
      throws SQLException, StoreException {
    List<Op> ops = raw.draft().ops();
    if (!touchesEpoch(ops)) {
      return ops;
    }
    Set<KeyId> fresh = new LinkedHashSet<>();
    Set<KeyId> madeHere = new HashSet<>();
    for (Op op : ops) {
      if (!(op instanceof Op.SetField set) || !EpochKeys.isEpoch(set.soul())) {
        continue;
      }
      EpochKeys.parseKeyField(set.field()).ifPresent(madeHere::add);
      Optional<PrivateSouls.Wrap> wrap = PrivateSouls.parseWrap(set.field());
      if (wrap.isEmpty()
          || !wrap.get().device().equals(ring.device())
          || ring.key(EpochKeys.EPOCH, wrap.get().key()).isPresent()) {
        continue;
      }
      try {
        ring.learn(
            EpochKeys.EPOCH, wrap.get().key(), ((Value.Str) set.value()).value(), raw.actor());
        fresh.add(wrap.get().key());
      } catch (SealException e) {
        Sealing.refuseMalformed(
            refusals, raw, "epoch key wrap " + set.field() + " refused: " + e.getMessage());
      }
    }
    fresh.removeAll(madeHere); // a key's first wraps come with it: nothing is sealed under it yet
    if (!fresh.isEmpty()) {
      applyHistory(fresh, nodes, history);
    }
    // The epoch node (a wrap per key and device) is read only when the ring lacks a key.
    return opened(raw, inRing(ops) ? null : nodes.node(EpochKeys.EPOCH), true);
  }

  /**
   * A change read back from the log: its signed ops with the sealed content opened when this device
   * can (the signed ops themselves when there is none); nothing noted.
   */
  List<Op> openQuietly(Change raw, FieldTable table) {
    if (!touchesEpoch(raw.draft().ops())) {
      return raw.draft().ops();
    }
    if (inRing(raw.draft().ops())) { // the usual case: no read of the epoch node
      return opened(raw, null, false);
    }
    try {
      return opened(raw, table.node(EpochKeys.EPOCH), false);
    } catch (SQLException e) {
      return opened(raw, null, false);
    }
  }

  /** Whether this device holds the key of every sealed op among {@code ops}. */
  private boolean inRing(List<Op> ops) {
    for (Op op : ops) {
      Optional<KeyId> id = EpochKeys.keyOf(op);
      if (id.isPresent() && ring.key(EpochKeys.EPOCH, id.get()).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private List<Op> opened(Change raw, @Nullable Map<String, FieldState> epoch, boolean report) {
    List<Op> ops = raw.draft().ops();
    List<Op> visible = new ArrayList<>(ops.size());
    boolean sealed = false;
    for (Op op : ops) {
      Optional<KeyId> id = EpochKeys.keyOf(op);
      if (id.isEmpty()) {
        visible.add(op);
        continue;
      }
      sealed = true;
      Optional<byte[]> key = keyFor(id.get(), epoch);
      if (key.isEmpty()) {
        continue; // removed, or not wrapped for yet: the change is kept, its content is not
      }
      try {
        visible.addAll( // opened by a verifying thread already, when it could (SealedAhead)
            ring.openEpochTaking(
                raw.actor(),
                raw.seq(),
                key.get(),
                ((Value.Str) ((Op.SetField) op).value()).value()));
      } catch (SealException e) {
        if (report) {
          Sealing.refuseMalformed(refusals, raw, "sealed content refused: " + e.getMessage());
        }
      }
    }
    return sealed ? visible : ops;
  }

  /** Applies the stored changes sealed under keys just learnt, in log order. */
  private void applyHistory(Set<KeyId> keys, TouchedNodes nodes, HistoryApplier history)
      throws SQLException, StoreException {
    Map<String, FieldState> epoch = nodes.node(EpochKeys.EPOCH);
    long cursor = 0;
    List<ChangeLog.Entry> page;
    while (!(page = changeLog.entriesAfter(cursor, 1000)).isEmpty()) {
      for (ChangeLog.Entry e : page) {
        cursor = e.id();
        Change c = e.change();
        for (Op op : c.draft().ops()) {
          Optional<KeyId> id = EpochKeys.keyOf(op);
          if (id.isEmpty() || !keys.contains(id.get())) {
            continue;
          }
          Optional<byte[]> key = keyFor(id.get(), epoch);
          if (key.isEmpty()) {
            continue;
          }
          try {
            List<Op> inner =
                EpochKeys.open(
                    ring.workspace(),
                    c.actor(),
                    c.seq(),
                    key.get(),
                    ((Value.Str) ((Op.SetField) op).value()).value());
            history.apply(SealedOps.seenAs(c, inner), e.id());
          } catch (SealException ex) {
            // noted when it arrived, if it was this device's to open then
          }
        }
      }
    }
  }
}
