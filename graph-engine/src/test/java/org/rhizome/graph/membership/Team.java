package org.rhizome.graph.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.ChangeDraft;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.clock.Hlc;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.ChangeHash;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.note.NoteFields;
import org.rhizome.graph.text.InsertOp;
import org.rhizome.graph.text.TextId;

/** Real replicas of one members-only workspace in a temp dir, for the role and removal tests. */
final class Team implements AutoCloseable {
  final Path dir;
  final SecureRandom random = new SecureRandom();
  final List<Workspace> open = new ArrayList<>();
  final Map<ActorId, DeviceKey> keys = new HashMap<>();
  final Workspace alice;

  Team(Path dir) throws Exception {
    this.dir = dir;
    DeviceKey key = DeviceKey.generate(random);
    alice = keep(Workspace.create(dir.resolve("alice.db"), key, "Team notes", "Alice"));
    keys.put(key.actor(), key);
  }

  Workspace keep(Workspace ws) {
    open.add(ws);
    return ws;
  }

  @Override
  public void close() {
    open.forEach(Workspace::close);
    open.clear();
  }

  /** Everything {@code from} has that {@code to} lacks; returns the results. */
  static List<ApplyResult> sync(Workspace from, Workspace to) throws Exception {
    List<byte[]> missing = new ArrayList<>();
    for (StoredChange e : from.changesSince(to.versionVector(), 0, 100_000)) {
      missing.add(e.bytes());
    }
    return missing.isEmpty() ? List.of() : to.applyRemote(missing);
  }

  /** Syncs both ways until neither lacks anything of the other. */
  static void exchange(Workspace a, Workspace b) throws Exception {
    sync(a, b);
    sync(b, a);
    sync(a, b);
  }

  /** A new person invited by {@code inviter} with {@code role}, caught up with the inviter. */
  Workspace join(Workspace inviter, String name, Role role) throws Exception {
    InviteKey invite =
        inviter.membership().createInviteAsync(Grant.MEMBER, role, Duration.ofDays(7)).get();
    return joinWith(inviter, name, invite);
  }

  /** Another device of {@code inviter}'s person. */
  Workspace joinDevice(Workspace inviter, String name) throws Exception {
    InviteKey invite =
        inviter.membership().createInviteAsync(Grant.DEVICE, Duration.ofDays(7)).get();
    return joinWith(inviter, name, invite);
  }

  private Workspace joinWith(Workspace inviter, String name, InviteKey invite) throws Exception {
    DeviceKey key = DeviceKey.generate(random);
    keys.put(key.actor(), key);
    Workspace ws = keep(Workspace.openToJoin(dir.resolve(name + ".db"), alice.id(), key));
    sync(inviter, ws);
    ws.membership().join(invite, name);
    assertThat(sync(ws, inviter)).allMatch(r -> r.status() == ApplyResult.Status.APPLIED);
    return ws;
  }

  /**
   * Signs {@code ops} with {@code member}'s key as its next change, checking nothing: what a
   * modified client would send. The member's own replica does not store it.
   */
  Change forge(Workspace member, List<Op> ops) throws Exception {
    ActorId actor = member.actor();
    long seq = member.versionVector().get(actor);
    ChangeHash prev = Change.NO_PREVIOUS;
    for (StoredChange c : union(List.of(member))) {
      if (c.author().equals(actor) && c.seq() == seq) {
        prev = c.hash();
      }
    }
    return Change.sign(
        new ChangeDraft(
            alice.id(),
            actor,
            seq + 1,
            prev,
            Hlc.pack(System.currentTimeMillis() + 1, 0),
            member.versionVector().without(actor),
            ops),
        keys.get(actor));
  }

  /** The ops of a new note made without the editor's help (for forged changes). */
  static List<Op> newNote(ActorId author, String title, String body) {
    Soul soul = new Soul("01forged" + Long.toHexString(System.nanoTime()));
    return List.of(
        new Op.SetField(soul, NoteFields.TYPE, Value.of(NoteFields.NOTE_TYPE)),
        new Op.SetField(soul, NoteFields.TITLE, Value.of(title)),
        new Op.TextEdit(
            soul, NoteFields.BODY, List.of(new InsertOp(new TextId(author, 0), null, null, body))));
  }

  /** Every change any of {@code replicas} holds, as a fresh replica would be offered them. */
  static List<StoredChange> union(List<Workspace> replicas) throws Exception {
    Map<String, StoredChange> byKey = new java.util.LinkedHashMap<>();
    for (Workspace w : replicas) {
      for (StoredChange c : w.changesSince(VersionVector.EMPTY, 0, 1_000_000)) {
        byKey.putIfAbsent(c.author().hex() + "#" + c.seq(), c);
      }
    }
    return new ArrayList<>(byKey.values());
  }

  /** Offers forged changes to {@code to}. */
  static List<ApplyResult> offer(Workspace to, Change... changes) throws Exception {
    List<byte[]> bytes = new ArrayList<>();
    for (Change c : changes) {
      bytes.add(c.encoded());
    }
    return to.applyRemote(bytes);
  }
}
