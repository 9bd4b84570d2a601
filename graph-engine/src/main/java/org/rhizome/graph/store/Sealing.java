package org.rhizome.graph.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.api.NotAllowedException;
import org.rhizome.graph.api.RefusalReason;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.change.SealedOps;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.encoding.DecodeException;
import org.rhizome.graph.merge.FieldState;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.privacy.KeyId;
import org.rhizome.graph.privacy.KeyRing;
import org.rhizome.graph.privacy.NoteCrypto;
import org.rhizome.graph.privacy.PrivateSouls;
import org.rhizome.graph.privacy.SealException;
import org.rhizome.graph.text.InvalidTextOpException;
import org.rhizome.graph.text.MissingTextDependencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private notes in the write path (decision 0008). This device's ops on a private note are sealed
 * under the note's current key before signing ({@link #seal}); a change from elsewhere is seen with
 * its sealed ops opened when this device holds their key, and without them when not ({@link
 * #open}): the log keeps the signed bytes, and nothing else of a note this device cannot read is
 * stored. When a change brings this device a key it did not hold (a reader added), the stored
 * changes sealed under it are applied then, in log order — the note's whole history. Confined to
 * the writer thread.
 */
final class Sealing {
  private static final Logger log = LoggerFactory.getLogger(Sealing.class);

  private final KeyRing ring;
  private final FieldTable fields;
  private final ChangeLog changeLog;
  private final TextDocuments texts;
  private final MembershipRules rules;
  private final RefusalLog refusals;
  private final java.sql.Connection writerConnection;

  /** The workspace's epoch keys (decision 0009): every change's content after a removal. */
  private final EpochSealing epoch;

  Sealing(
      KeyRing ring,
      java.sql.Connection writerConnection,
      FieldTable fields,
      ChangeLog changeLog,
      TextDocuments texts,
      MembershipRules rules,
      Path file) {
    this.ring = ring;
    this.writerConnection = writerConnection;
    this.fields = fields;
    this.changeLog = changeLog;
    this.texts = texts;
    this.rules = rules;
    this.refusals = new RefusalLog(file);
    this.epoch = new EpochSealing(ring, writerConnection, rules, changeLog, refusals);
  }

  /** Whether a change sets anything on a seal node (keys may have arrived with it). */
  static boolean touchesSeal(Change change) {
    for (Op op : change.draft().ops()) {
      if (PrivateSouls.isSeal(op.soul())
          || org.rhizome.graph.privacy.EpochKeys.isEpoch(op.soul())) {
        return true;
      }
    }
    return false;
  }

  private static boolean touchesPrivate(List<Op> ops) {
    for (Op op : ops) {
      if (PrivateSouls.isPrivate(op.soul()) || PrivateSouls.isSeal(op.soul())) {
        return true;
      }
    }
    return false;
  }

  // ---- this device's changes ----

  /**
   * {@code ops} with this device's ops on each private note replaced by one sealed op under the
   * note's current key (a key set by these same ops counts); {@code ops} itself when none is on a
   * private note.
   *
   * @throws NotAllowedException when this device holds no key of a note it would change
   */
  List<Op> seal(long seq, List<Op> ops, TouchedNodes nodes) throws SQLException, StoreException {
    boolean any = false;
    for (Op op : ops) {
      any |= PrivateSouls.isPrivate(op.soul());
    }
    if (!any) {
      return epoch.seal(seq, ops); // after a removal, sealed under the epoch key (decision 0009)
    }
    List<Op> out = new ArrayList<>(ops.size());
    Map<Soul, List<Op>> byNote = new LinkedHashMap<>();
    for (Op op : ops) {
      if (PrivateSouls.isPrivate(op.soul())) {
        byNote.computeIfAbsent(op.soul(), s -> new ArrayList<>()).add(op);
      } else {
        out.add(op);
      }
    }
    for (Map.Entry<Soul, List<Op>> e : byNote.entrySet()) {
      Soul note = e.getKey();
      KeyId current = currentKey(note, ops, nodes);
      byte[] key =
          keyFor(note, current, nodes.node(PrivateSouls.sealOf(note)))
              .orElseThrow(() -> new NotAllowedException("this device is not a reader of " + note));
      out.add(ring.seal(note, current, key, seq, e.getValue()));
    }
    return epoch.seal(seq, out);
  }

  /**
   * {@code ops} with the epoch key fields this device's change #seq must carry (decision 0009): a
   * new key when it removes someone or revokes a device, wraps for devices that lack one.
   */
  List<Op> withEpochKeys(long seq, List<Op> ops, TouchedNodes nodes)
      throws SQLException, StoreException {
    return epoch.withKeys(seq, ops, nodes);
  }

  private static KeyId currentKey(Soul note, List<Op> ops, TouchedNodes nodes)
      throws SQLException, NotAllowedException {
    Soul seal = PrivateSouls.sealOf(note);
    for (Op op : ops) {
      if (op instanceof Op.SetField set
          && set.soul().equals(seal)
          && set.field().equals(PrivateSouls.CURRENT)
          && set.value() instanceof Value.Str s) {
        return new KeyId(s.value());
      }
    }
    String current = string(nodes.node(seal).get(PrivateSouls.CURRENT));
    if (current == null || !KeyId.isValid(current)) {
      throw new NotAllowedException(note + " is private and has no key this device knows of");
    }
    return new KeyId(current);
  }

  /** The key, from the ring or by opening this device's wrap on the seal node. */
  private Optional<byte[]> keyFor(Soul note, KeyId id, @Nullable Map<String, FieldState> seal) {
    Optional<byte[]> known = ring.key(note, id);
    if (known.isPresent() || seal == null) {
      return known;
    }
    FieldState field = seal.get(PrivateSouls.wrapField(id, ring.device()));
    String wrap = string(field);
    if (wrap == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ring.learn(note, id, wrap, field.actor()));
    } catch (SealException e) {
      return Optional.empty(); // refused (and logged) when the wrap arrived
    }
  }

  // ---- changes from elsewhere ----

  /**
   * The change as this replica sees it, after learning the keys it wraps for this device (and
   * applying the history those keys open). Called after the membership rules accepted it.
   */
  Change open(Change signed, TouchedNodes nodes)
      throws SQLException, StoreException, org.rhizome.graph.api.ChangeRefusedException {
    Change raw = signed;
    List<Op> ops = epoch.open(signed, nodes, (seen, logId) -> applyStored(seen, logId, nodes));
    if (ops != signed.draft().ops()) {
      // what the sealed content does is judged like any op (decision 0009)
      rules.check(SealedOps.seenAs(signed, ops), nodes);
    }
    if (!touchesPrivate(ops)) {
      return seen(signed, ops);
    }
    Map<Soul, Set<KeyId>> fresh = new LinkedHashMap<>();
    Set<Soul> newSeals = new HashSet<>();
    for (Op op : ops) {
      if (PrivateSouls.isSeal(op.soul()) && nodes.node(op.soul()).isEmpty()) {
        newSeals.add(op.soul()); // a note's first keys: no change sealed under them is stored yet
      }
    }
    for (Op op : ops) {
      if (!(op instanceof Op.SetField set) || !PrivateSouls.isSeal(set.soul())) {
        continue;
      }
      Optional<PrivateSouls.Wrap> wrap = PrivateSouls.parseWrap(set.field());
      Optional<Soul> note = PrivateSouls.noteOfSeal(set.soul());
      if (wrap.isEmpty()
          || note.isEmpty()
          || !wrap.get().device().equals(ring.device())
          || ring.key(note.get(), wrap.get().key()).isPresent()) {
        continue;
      }
      try {
        ring.learn(note.get(), wrap.get().key(), ((Value.Str) set.value()).value(), signed.actor());
        fresh.computeIfAbsent(note.get(), n -> new HashSet<>()).add(wrap.get().key());
      } catch (SealException e) {
        refuse(
            raw, "key wrap " + set.field() + " of " + set.soul() + " refused: " + e.getMessage());
      }
    }
    for (Map.Entry<Soul, Set<KeyId>> e : fresh.entrySet()) {
      // A sealed change follows the seal node that gave its author the key (it is in its causal
      // past), so a note whose seal node this change creates has no history to apply.
      if (!newSeals.contains(PrivateSouls.sealOf(e.getKey()))) {
        applyHistory(e.getKey(), e.getValue(), nodes);
      }
    }
    return opened(raw, ops, nodes, fields, true);
  }

  /** {@code signed} seen with {@code ops}: itself when they are its signed ops. */
  private static Change seen(Change signed, List<Op> ops) {
    return ops == signed.draft().ops() ? signed : SealedOps.seenAs(signed, ops);
  }

  /**
   * A change read back from the log on connection {@code c} (the writer's, or a reader's: keys are
   * then read through it), seen with what this device can open; no refusals noted.
   */
  Change opened(Change signed, java.sql.Connection c) {
    FieldTable table = c == writerConnection ? fields : new FieldTable(c);
    List<Op> ops = epoch.openQuietly(signed, table); // decision 0009
    if (!touchesPrivate(ops)) {
      return seen(signed, ops);
    }
    try {
      return opened(signed, ops, null, table, false);
    } catch (SQLException e) {
      log.warn("reading a private note's keys failed", e);
      return SealedOps.seenAs(signed, withoutSealed(ops));
    }
  }

  private static List<Op> withoutSealed(List<Op> ops) {
    List<Op> out = new ArrayList<>();
    for (Op op : ops) {
      if (!isSealed(op)) {
        out.add(op);
      }
    }
    return out;
  }

  private static boolean isSealed(Op op) {
    return op instanceof Op.SetField set
        && set.field().equals(PrivateSouls.SEALED)
        && PrivateSouls.isPrivate(set.soul());
  }

  private Change opened(
      Change raw, List<Op> ops, @Nullable TouchedNodes nodes, FieldTable table, boolean report)
      throws SQLException {
    List<Op> visible = new ArrayList<>(ops.size());
    boolean sealed = false;
    for (Op op : ops) {
      if (!isSealed(op)) {
        visible.add(op);
        continue;
      }
      sealed = true;
      Op.SetField set = (Op.SetField) op;
      Map<String, FieldState> seal = null;
      if (!ringHolds(set)) { // the seal node is read only to open this device's wrap
        seal =
            nodes != null
                ? nodes.node(PrivateSouls.sealOf(set.soul()))
                : table.node(PrivateSouls.sealOf(set.soul()));
      }
      openOne(raw, set, seal, null, report).ifPresent(visible::addAll);
    }
    return sealed ? SealedOps.seenAs(raw, visible) : seen(raw, ops);
  }

  /** Whether this device holds the key a sealed op names. */
  private boolean ringHolds(Op.SetField set) {
    try {
      return ring.key(set.soul(), NoteCrypto.keyOf(((Value.Str) set.value()).value())).isPresent();
    } catch (SealException e) {
      return false;
    }
  }

  /** The ops of one sealed op, when this device holds its key (one of {@code only}, if given). */
  private Optional<List<Op>> openOne(
      Change raw,
      Op.SetField set,
      @Nullable Map<String, FieldState> seal,
      @Nullable Set<KeyId> only,
      boolean report) {
    String payload = ((Value.Str) set.value()).value();
    try {
      KeyId id = NoteCrypto.keyOf(payload);
      if (only != null && !only.contains(id)) {
        return Optional.empty();
      }
      Optional<byte[]> key = keyFor(set.soul(), id, seal);
      if (key.isEmpty()) {
        return Optional.empty(); // not a reader: the change is kept, its content is not
      }
      return Optional.of(ring.openTaking(raw.actor(), raw.seq(), set.soul(), key.get(), payload));
    } catch (SealException e) {
      if (report) {
        refuse(raw, "sealed op of " + set.soul() + " refused: " + e.getMessage());
      }
      return Optional.empty();
    }
  }

  /**
   * Applies the stored changes sealed under keys just learnt, in log order: what a reader added
   * later reads (fields merge, text edits replay, withheld changes stay without effect).
   */
  private void applyHistory(Soul note, Set<KeyId> keys, TouchedNodes nodes)
      throws SQLException, StoreException {
    Map<String, FieldState> seal = nodes.node(PrivateSouls.sealOf(note));
    long cursor = 0;
    int applied = 0;
    List<ChangeLog.Entry> page;
    while (!(page = changeLog.entriesAfter(cursor, 1000)).isEmpty()) {
      for (ChangeLog.Entry e : page) {
        cursor = e.id();
        Change c = e.change();
        for (Op op : epoch.openQuietly(c, fields)) { // inside the epoch's seal (0009)
          if (!isSealed(op) || !op.soul().equals(note)) {
            continue;
          }
          Optional<List<Op>> inner = openOne(c, (Op.SetField) op, seal, keys, false);
          if (inner.isPresent()) {
            applyEffects(SealedOps.seenAs(c, inner.get()), nodes);
            recordTextEdits(e.id(), inner.get());
            applied++;
          }
        }
      }
    }
    log.debug("a key of {} arrived: {} stored changes applied", note, applied);
  }

  /**
   * Applies a stored change's content that an epoch key learnt later opens (decision 0009): its
   * private notes' ops opened as far as this device reads them.
   */
  private void applyStored(Change seen, long logId, TouchedNodes nodes)
      throws SQLException, StoreException {
    Change c = opened(seen, seen.ops(), nodes, fields, false);
    applyEffects(c, nodes);
    recordTextEdits(logId, c.ops());
  }

  private void applyEffects(Change c, TouchedNodes nodes) throws SQLException, StoreException {
    List<Op.TextEdit> edits = new ArrayList<>();
    for (Op op : c.ops()) {
      if (op instanceof Op.TextEdit edit) {
        edits.add(edit);
      }
    }
    boolean counts = rules.permits(c);
    if (!counts) {
      edits = Withholding.withheldEdits(c, Withholding.counters(c, texts));
    }
    try {
      texts.applyAll(edits, c.hlc(), c.actor());
    } catch (MissingTextDependencyException | InvalidTextOpException e) {
      log.warn("a private note's stored edit does not apply: {}", e.toString());
    }
    if (counts) {
      for (Op op : c.ops()) {
        if (op instanceof Op.SetField set) {
          Withholding.merge(c, set, nodes);
        }
      }
    }
  }

  /** Notes the text fields a change of the history edits, for their version history. */
  private void recordTextEdits(long logId, List<Op> ops) throws SQLException {
    Set<String> seen = new HashSet<>();
    for (Op op : ops) {
      if (op instanceof Op.TextEdit edit && seen.add(edit.field())) {
        try (java.sql.PreparedStatement ps =
            writerConnection.prepareStatement(
                "INSERT OR IGNORE INTO text_edit(soul, name, log_id) VALUES (?,?,?)")) {
          ps.setString(1, edit.soul().value());
          ps.setString(2, edit.field());
          ps.setLong(3, logId);
          ps.executeUpdate();
        }
      }
    }
  }

  private void refuse(Change change, String detail) {
    refuseMalformed(refusals, change, detail);
  }

  /** Notes a sealed part of {@code change} that does not open or parse (here and in epochs). */
  static void refuseMalformed(RefusalLog refusals, Change change, String detail) {
    refusals.record(
        System.currentTimeMillis(),
        change.hash(),
        change.actor(),
        change.seq(),
        RefusalReason.MALFORMED,
        detail);
  }

  /** A stored field's string value; null when it is absent or not a string. */
  static @Nullable String string(@Nullable FieldState state) {
    if (state == null) {
      return null;
    }
    try {
      return ValueCodec.decode(state.value()) instanceof Value.Str s ? s.value() : null;
    } catch (DecodeException e) {
      return null;
    }
  }
}
