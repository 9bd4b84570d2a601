package org.rhizome.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.rhizome.graph.api.NotAllowedException;
import org.rhizome.graph.api.PrivateAttachment;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.encoding.DecodeException;
import org.rhizome.graph.membership.Member;
import org.rhizome.graph.merge.FieldState;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.note.NoteDraft;
import org.rhizome.graph.privacy.BlobSeal;
import org.rhizome.graph.privacy.KeyId;
import org.rhizome.graph.privacy.KeyRing;
import org.rhizome.graph.privacy.NoteCrypto;
import org.rhizome.graph.privacy.PrivateSouls;
import org.rhizome.graph.privacy.SealException;
import org.rhizome.graph.store.ChangeAuthor;
import org.rhizome.graph.store.FieldTable;
import org.rhizome.graph.store.GraphStore;
import org.rhizome.graph.store.ParsedBodies;
import org.rhizome.graph.store.WriteTxn;

/**
 * {@link NotePrivacy}: makes the seal node's ops (key id, readers, one wrap per key and reader
 * device) and commits them with the note's first change, or alone to share and unshare. The store's
 * {@code Sealing} seals the note's own ops.
 */
final class PrivateNotes implements NotePrivacy {
  private final GraphStore store;
  private final NoteEditor notes;
  private final ChangeAuthor author;
  private final ParsedBodies parsedBodies;
  private final WorkspaceMembership membership;
  private final KeyRing ring;

  PrivateNotes(
      GraphStore store,
      NoteEditor notes,
      ChangeAuthor author,
      ParsedBodies parsedBodies,
      WorkspaceMembership membership,
      KeyRing ring) {
    this.store = store;
    this.notes = notes;
    this.author = author;
    this.parsedBodies = parsedBodies;
    this.membership = membership;
    this.ring = ring;
  }

  @Override
  public CompletableFuture<Soul> createPrivateNoteAsync(
      String folder, String title, String body, Collection<ActorId> readers) {
    Map<ActorId, List<ActorId>> devices;
    ActorId owner;
    try {
      owner = membership.person();
      Set<ActorId> persons = new LinkedHashSet<>();
      persons.add(owner);
      persons.addAll(readers);
      devices = devicesOf(persons);
    } catch (StoreException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    KeyId id = KeyId.random(ring.random());
    byte[] key = NoteCrypto.newKey(ring.random());
    parsedBodies.prepare(body);
    return store.write(
        txn ->
            notes.createPrivate(
                txn,
                new NoteDraft(folder, title, body),
                owner,
                soul -> {
                  ring.remember(soul, id, key);
                  List<Op> ops = new ArrayList<>();
                  Soul seal = PrivateSouls.sealOf(soul);
                  ops.add(new Op.SetField(seal, PrivateSouls.CURRENT, Value.of(id.hex())));
                  ops.add(
                      new Op.SetField(
                          seal,
                          PrivateSouls.READERS,
                          Value.of(PrivateSouls.readersValue(new ArrayList<>(devices.keySet())))));
                  addWraps(ops, soul, Map.of(id, key), devices);
                  return ops;
                }));
  }

  @Override
  public CompletableFuture<Change> shareNoteAsync(Soul note, Collection<ActorId> persons) {
    Map<ActorId, List<ActorId>> devices;
    try {
      requireOwner(note);
      devices = devicesOf(new LinkedHashSet<>(persons));
    } catch (StoreException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return store.write(
        txn -> {
          Map<String, FieldState> seal = sealNode(txn, note);
          List<ActorId> readers = new ArrayList<>(readers(seal));
          for (ActorId p : devices.keySet()) {
            if (!readers.contains(p)) {
              readers.add(p);
            }
          }
          List<Op> ops = new ArrayList<>();
          ops.add(
              new Op.SetField(
                  PrivateSouls.sealOf(note),
                  PrivateSouls.READERS,
                  Value.of(PrivateSouls.readersValue(readers))));
          addWraps(ops, note, heldKeys(note, seal), devices);
          return author.commit(txn, ops);
        });
  }

  @Override
  public CompletableFuture<Change> unshareNoteAsync(Soul note, Collection<ActorId> persons) {
    ActorId owner;
    try {
      owner = requireOwner(note);
      if (persons.contains(owner)) {
        throw new NotAllowedException("the owner of " + note + " always reads it");
      }
    } catch (StoreException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    KeyId id = KeyId.random(ring.random());
    byte[] key = NoteCrypto.newKey(ring.random());
    return store.write(
        txn -> {
          Map<String, FieldState> seal = sealNode(txn, note);
          List<ActorId> readers = new ArrayList<>(readers(seal));
          readers.removeAll(persons);
          Map<ActorId, List<ActorId>> devices = devicesOf(new LinkedHashSet<>(readers));
          ring.remember(note, id, key);
          List<Op> ops = new ArrayList<>();
          Soul sealSoul = PrivateSouls.sealOf(note);
          ops.add(new Op.SetField(sealSoul, PrivateSouls.CURRENT, Value.of(id.hex())));
          ops.add(
              new Op.SetField(
                  sealSoul, PrivateSouls.READERS, Value.of(PrivateSouls.readersValue(readers))));
          addWraps(ops, note, Map.of(id, key), devices);
          return author.commit(txn, ops);
        });
  }

  @Override
  public CompletableFuture<PrivateAttachment> attachPrivateAsync(
      Soul note, String name, byte[] data, String mime) {
    String checked;
    try {
      if (!PrivateSouls.isPrivate(note)) {
        throw new NotAllowedException(note + " is not private: attach files to it the usual way");
      }
      checked = org.rhizome.graph.note.AttachmentFields.checkName(name);
      if (mime == null || mime.isBlank() || mime.contains(" ")) {
        throw new IllegalArgumentException("a media type such as image/png, not \"" + mime + "\"");
      }
    } catch (RuntimeException | org.rhizome.graph.api.InvalidTitleException e) {
      return CompletableFuture.failedFuture(e);
    }
    return store.write(
        txn -> {
          Map<String, FieldState> seal = sealNode(txn, note);
          String current = string(seal.get(PrivateSouls.CURRENT));
          if (current == null || !KeyId.isValid(current)) {
            throw new NotAllowedException(note + " has no current key here");
          }
          KeyId id = new KeyId(current);
          byte[] key = heldKeys(note, seal).get(id);
          if (key == null) {
            throw new NotAllowedException("this device is not a reader of " + note);
          }
          byte[] sealed = BlobSeal.seal(ring.workspace(), note, id, key, data, ring.random());
          String hash = org.rhizome.graph.store.BlobStore.put(txn, sealed);
          PrivateAttachment a = new PrivateAttachment(checked, hash, data.length, mime.strip());
          author.commit(
              txn,
              List.of(
                  new Op.SetField(
                      note, PrivateAttachment.FIELD_PREFIX + checked, Value.of(a.fieldValue()))));
          return a;
        });
  }

  @Override
  public List<PrivateAttachment> privateAttachments(Soul note) throws StoreException {
    if (!PrivateSouls.isPrivate(note)) {
      return List.of();
    }
    Map<String, FieldState> fields = store.read(c -> new FieldTable(c).node(note));
    List<PrivateAttachment> out = new ArrayList<>();
    for (Map.Entry<String, FieldState> f : fields.entrySet()) {
      PrivateAttachment a = PrivateAttachment.parse(f.getKey(), string(f.getValue()));
      if (a != null) {
        out.add(a);
      }
    }
    return out;
  }

  @Override
  public Optional<byte[]> privateAttachmentBytes(Soul note, String name) throws StoreException {
    for (PrivateAttachment a : privateAttachments(note)) {
      if (!a.name().equals(name)) {
        continue;
      }
      Optional<byte[]> sealed = store.read(c -> org.rhizome.graph.store.BlobStore.get(c, a.hash()));
      if (sealed.isEmpty()) {
        return Optional.empty();
      }
      try {
        KeyId id = BlobSeal.keyOf(sealed.get());
        Optional<byte[]> key = ring.key(note, id);
        if (key.isEmpty()) {
          Map<String, FieldState> seal =
              store.read(c -> new FieldTable(c).node(PrivateSouls.sealOf(note)));
          key = Optional.ofNullable(heldKeys(note, seal).get(id));
        }
        if (key.isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(BlobSeal.open(ring.workspace(), note, key.get(), sealed.get()));
      } catch (SealException e) {
        throw new StoreException(
            "the attachment " + name + " of " + note + ": " + e.getMessage(), e);
      }
    }
    return Optional.empty();
  }

  /** Wraps per change when catching a new device up: a change stays well under the size limit. */
  private static final int WRAPS_PER_CHANGE = 400;

  @Override
  public CompletableFuture<Integer> wrapKeysForNewDevicesAsync() {
    ActorId me;
    Map<ActorId, List<ActorId>> devices = new LinkedHashMap<>();
    try {
      if (membership.mode() != org.rhizome.graph.membership.MembershipMode.MEMBERS) {
        return CompletableFuture.completedFuture(0);
      }
      me = membership.person();
      for (org.rhizome.graph.membership.Person p : membership.people()) {
        if (p.removed()) {
          continue;
        }
        for (org.rhizome.graph.membership.Person.Device d : p.devices()) {
          if (!d.revoked()) {
            devices.computeIfAbsent(p.person(), k -> new ArrayList<>()).add(d.member().device());
          }
        }
      }
    } catch (StoreException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return store.write(
        txn -> {
          String from = PrivateSouls.SEAL_PREFIX + PrivateSouls.PRIVATE_PREFIX + me.hex() + ".";
          Map<Soul, Map<String, FieldState>> seals =
              new FieldTable(txn.connection())
                  .nodesBetween(from, from.substring(0, from.length() - 1) + "/");
          List<Op> ops = new ArrayList<>();
          int written = 0;
          for (Map.Entry<Soul, Map<String, FieldState>> e : seals.entrySet()) {
            Soul note = new Soul(e.getKey().value().substring(PrivateSouls.SEAL_PREFIX.length()));
            Map<String, FieldState> seal = e.getValue();
            Map<KeyId, byte[]> held = null;
            for (ActorId reader : readers(seal)) {
              for (ActorId device : devices.getOrDefault(reader, List.of())) {
                if (held == null) {
                  held = heldKeys(note, seal);
                }
                for (Map.Entry<KeyId, byte[]> k : held.entrySet()) {
                  String field = PrivateSouls.wrapField(k.getKey(), device);
                  if (!seal.containsKey(field)) {
                    ops.add(
                        new Op.SetField(
                            e.getKey(),
                            field,
                            Value.of(ring.wrapFor(note, k.getKey(), k.getValue(), device))));
                  }
                }
              }
            }
            if (ops.size() >= WRAPS_PER_CHANGE) {
              author.commit(txn, ops);
              written += ops.size();
              ops = new ArrayList<>();
            }
          }
          if (!ops.isEmpty()) {
            author.commit(txn, ops);
            written += ops.size();
          }
          return written;
        });
  }

  /**
   * The feed's listener: when a device joins an existing person (a device invite), a running device
   * of an owner wraps its notes' keys for it if that person reads any (decision 0008). Every owner
   * device that learns of the join does so; two racing write the same field names ({@code
   * wrap.<key>.<device>}), last writer wins, and either wrap opens: duplicates cost a few bytes,
   * never a wrong key.
   */
  void onChanges(ChangeEvent event) {
    for (Change c : event.changes()) {
      if (c.seq() == 1 && joinsAnExistingPerson(c)) {
        wrapKeysForNewDevicesAsync()
            .whenComplete(
                (n, e) -> {
                  if (e != null) {
                    org.slf4j.LoggerFactory.getLogger(PrivateNotes.class)
                        .debug("could not wrap note keys for a new device", e);
                  }
                });
        return;
      }
    }
  }

  private static boolean joinsAnExistingPerson(Change join) {
    Soul own = org.rhizome.graph.membership.SystemSouls.actor(join.actor());
    for (Op op : join.ops()) {
      if (op instanceof Op.SetField set
          && set.soul().equals(own)
          && set.field().equals(org.rhizome.graph.membership.SystemSouls.PERSON)
          && set.value() instanceof Value.Str p
          && !p.value().equals(join.actor().hex())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean isPrivate(Soul note) {
    return PrivateSouls.isPrivate(note);
  }

  @Override
  public List<ActorId> readersOf(Soul note) throws StoreException {
    if (!PrivateSouls.isPrivate(note)) {
      return List.of();
    }
    Map<String, FieldState> seal =
        store.read(c -> new FieldTable(c).node(PrivateSouls.sealOf(note)));
    List<ActorId> readers = new ArrayList<>(readers(seal));
    ActorId owner = PrivateSouls.ownerOf(note).orElseThrow();
    readers.remove(owner);
    readers.add(0, owner);
    return readers;
  }

  private ActorId requireOwner(Soul note) throws StoreException {
    Optional<ActorId> owner = PrivateSouls.ownerOf(note);
    if (owner.isEmpty()) {
      throw new NotAllowedException(note + " is not a private note");
    }
    if (!owner.get().equals(membership.person())) {
      throw new NotAllowedException("only the owner of " + note + " shares it");
    }
    return owner.get();
  }

  private static Map<String, FieldState> sealNode(WriteTxn txn, Soul note)
      throws java.sql.SQLException {
    Map<String, FieldState> seal = new FieldTable(txn.connection()).node(PrivateSouls.sealOf(note));
    if (seal.isEmpty()) {
      throw new NotAllowedException(note + " has no keys on this replica");
    }
    return seal;
  }

  private static List<ActorId> readers(Map<String, FieldState> seal) {
    String v = string(seal.get(PrivateSouls.READERS));
    return v == null ? List.of() : PrivateSouls.parseReaders(v).orElse(List.of());
  }

  /** Every key of the note this device holds a wrap of (the owner holds all of them). */
  private Map<KeyId, byte[]> heldKeys(Soul note, Map<String, FieldState> seal) {
    Map<KeyId, byte[]> keys = new LinkedHashMap<>();
    for (Map.Entry<String, FieldState> f : seal.entrySet()) {
      Optional<PrivateSouls.Wrap> wrap = PrivateSouls.parseWrap(f.getKey());
      if (wrap.isEmpty() || !wrap.get().device().equals(ring.device())) {
        continue;
      }
      KeyId id = wrap.get().key();
      Optional<byte[]> known = ring.key(note, id);
      if (known.isPresent()) {
        keys.put(id, known.get());
        continue;
      }
      try {
        keys.put(id, ring.learn(note, id, string(f.getValue()), f.getValue().actor()));
      } catch (SealException | RuntimeException e) {
        // a wrap that does not open was refused when it arrived: nothing to pass on
      }
    }
    return keys;
  }

  private void addWraps(
      List<Op> ops, Soul note, Map<KeyId, byte[]> keys, Map<ActorId, List<ActorId>> devices) {
    Soul seal = PrivateSouls.sealOf(note);
    for (Map.Entry<KeyId, byte[]> k : keys.entrySet()) {
      for (List<ActorId> ds : devices.values()) {
        for (ActorId d : ds) {
          ops.add(
              new Op.SetField(
                  seal,
                  PrivateSouls.wrapField(k.getKey(), d),
                  Value.of(ring.wrapFor(note, k.getKey(), k.getValue(), d))));
        }
      }
    }
  }

  /** Each person's devices as this replica knows them; this device always counts for its own. */
  private Map<ActorId, List<ActorId>> devicesOf(Set<ActorId> persons) throws StoreException {
    Map<ActorId, List<ActorId>> out = new LinkedHashMap<>();
    ActorId me = membership.person();
    List<Member> members = membership.members();
    for (ActorId p : persons) {
      List<ActorId> ds = new ArrayList<>();
      for (Member m : members) {
        if (m.person().equals(p) && !ds.contains(m.device())) {
          ds.add(m.device());
        }
      }
      if (p.equals(me) && !ds.contains(ring.device())) {
        ds.add(ring.device());
      }
      if (ds.isEmpty()) {
        throw new NotAllowedException(p + " is not a member of this workspace");
      }
      out.put(p, ds);
    }
    return out;
  }

  private static String string(FieldState state) {
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
