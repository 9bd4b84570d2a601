package org.rhizome.graph.store;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.rhizome.graph.api.ChangeRefusedException;
import org.rhizome.graph.api.RefusalReason;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.clock.Hlc;
import org.rhizome.graph.encoding.DecodeException;
import org.rhizome.graph.membership.Delegation;
import org.rhizome.graph.membership.Grant;
import org.rhizome.graph.membership.InviteKey;
import org.rhizome.graph.membership.MembershipEvent;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.membership.Role;
import org.rhizome.graph.membership.SystemSouls;
import org.rhizome.graph.membership.WorkspaceGenesis;
import org.rhizome.graph.merge.FieldState;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.model.WorkspaceId;

/**
 * Who may make a change, checked before it is applied, on every replica alike. Every fact a rule
 * reads is in the change's causal past (an actor's first change is applied before any of its
 * others; an invite's registration is among the joining change's dependencies), so every replica
 * decides the same way whatever order changes arrived in:
 *
 * <ul>
 *   <li>In a {@link MembershipMode#MEMBERS} workspace an actor's first change must be the genesis
 *       (by the founder the workspace id names) or a join certified by a registered, unexpired,
 *       unrevoked invite; its later changes are then allowed.
 *   <li>Reserved {@code sys.} nodes take only the fields, values and writers listed below, in every
 *       workspace.
 *   <li>A protected node ({@code own.<person>.…}) is changed only by that person's devices, and by
 *       people a grant in the change's causal past lets edit it (decision 0011; whether that grant
 *       still holds is {@link RoleView}'s question).
 * </ul>
 *
 * Confined to the writer thread.
 */
final class MembershipRules {
  private static final int MAX_NAME_CHARS = 200;

  private final WorkspaceId workspace;
  private final MembershipMode mode;
  private final FieldTable fields;
  private final ChangeLog log;

  /**
   * Who had which role (decision 0007); null until needed, and after anything may have changed it.
   */
  private RoleView view;

  /** Events already read from the log (changes never change). */
  private final Map<MembershipEvent, RoleView.Event> loadedEvents = new HashMap<>();

  /** Delegations already read from the log (decision 0011). */
  private final Map<Delegation, RoleView.Grant> loadedGrants = new HashMap<>();

  MembershipRules(WorkspaceId workspace, MembershipMode mode, FieldTable fields, ChangeLog log) {
    this.workspace = workspace;
    this.mode = mode;
    this.fields = fields;
    this.log = log;
  }

  /** The role view as this transaction stands (members-only workspaces). */
  RoleView view() throws SQLException, StoreException {
    if (view == null) {
      view = RoleView.build(fields, log, loadedEvents, loadedGrants);
    }
    return view;
  }

  /** Drops what was read: after a rollback, or when another process has committed. */
  void forget() {
    view = null;
    loadedEvents.clear();
    loadedGrants.clear();
  }

  /**
   * Whether {@code change} has effect: its author's role at it allows all it does (decision 0007).
   * Always in an open workspace.
   */
  boolean permits(Change change) throws SQLException, StoreException {
    return mode == MembershipMode.OPEN || view().permits(change);
  }

  /** Why a change has no effect, for the refusal's message. */
  String withheldBecause(Change change) throws SQLException, StoreException {
    Optional<Role> role = view().roleAt(change.actor(), change.seq());
    String why = role.isEmpty() ? null : view().refusal(change, role.get());
    if (why == null) {
      why =
          change.actor()
              + " was removed, or its device revoked, before this change (it is past the cut-off)";
    }
    return "change #" + change.seq() + " of " + change.actor() + ": " + why;
  }

  /**
   * After a change that records an event: the view before it (to compare) and the new one, or null
   * when nothing changed who may do what.
   */
  RoleView[] eventApplied(Change change) throws SQLException, StoreException {
    if (mode == MembershipMode.OPEN) {
      return null;
    }
    if (!RoleView.hasEvent(change)) {
      for (Op op : change.ops()) {
        if (op instanceof Op.SetField set && RoleView.isFact(set)) {
          view = null; // a genesis, a join or an invite: read again when next needed
          break;
        }
      }
      return null;
    }
    RoleView before = view();
    view = null;
    return new RoleView[] {before, view()};
  }

  MembershipMode mode() {
    return mode;
  }

  /**
   * @throws ChangeRefusedException NOT_ALLOWED (or MISSING_DEPENDENCY for a join whose invite is
   *     unknown yet)
   */
  void check(Change change, TouchedNodes nodes)
      throws ChangeRefusedException, SQLException, StoreException {
    // What this change itself sets on member nodes: a first change may name its own person.
    Map<String, Value> ownMemberFields = new HashMap<>();
    Soul ownMemberSoul = SystemSouls.actor(change.actor());
    boolean genesis = false;
    for (Op op : change.ops()) {
      Soul soul = op.soul();
      if (!change.isOpened()) { // private notes (decision 0008): signed ops on them are sealed
        Optional<String> clear = org.rhizome.graph.privacy.SealRules.checkSignedOp(op);
        if (clear.isPresent()) {
          throw refuse(change, clear.get());
        }
      }
      if (SystemSouls.isSystem(soul)) {
        if (!(op instanceof Op.SetField set)) {
          throw refuse(
              change, op.field() + " of " + soul + " is a reserved field: it takes values only");
        }
        if (soul.equals(ownMemberSoul)) {
          ownMemberFields.put(set.field(), set.value());
        }
        genesis |= checkSystemField(change, set, nodes);
      }
    }
    if (mode == MembershipMode.MEMBERS && change.seq() == 1 && !genesis) {
      checkJoin(change, ownMemberFields, nodes);
    }
    for (Op op : change.ops()) {
      Optional<ActorId> owner = SystemSouls.ownerOf(op.soul());
      if (owner.isPresent()) {
        ActorId person = personOf(change.actor(), ownMemberFields, nodes);
        if (!owner.get().equals(person) && !letInPast(change, op.soul(), person, nodes)) {
          throw refuse(
              change,
              op.soul()
                  + " is protected: only its owner's devices, and people its owner lets edit it,"
                  + " may change it");
        }
      }
    }
  }

  /**
   * @return true when {@code set} is a valid genesis
   */
  private boolean checkSystemField(Change change, Op.SetField set, TouchedNodes nodes)
      throws ChangeRefusedException, SQLException, StoreException {
    Soul soul = set.soul();
    String field = set.field();
    if (org.rhizome.graph.privacy.PrivateSouls.isSeal(soul)) { // private notes' keys (0008)
      Optional<String> why =
          org.rhizome.graph.privacy.SealRules.checkSealField(
              set, personOf(change.actor(), Map.of(), nodes));
      if (why.isPresent()) {
        throw refuse(change, why.get());
      }
      return false;
    }
    Optional<Soul> delegated = SystemSouls.delegatedNoteOf(soul);
    if (delegated.isPresent()) { // protected notes' delegations (decision 0011)
      checkDelegation(change, delegated.get(), set, nodes);
      return false;
    }
    if (org.rhizome.graph.privacy.EpochKeys.isEpoch(soul)) { // epoch keys (decision 0009)
      Optional<String> why =
          mode != MembershipMode.MEMBERS
              ? Optional.of(soul + " belongs to members-only workspaces")
              : org.rhizome.graph.privacy.EpochKeys.checkField(set);
      if (why.isPresent()) {
        throw refuse(change, why.get());
      }
      return false;
    }
    if (soul.equals(SystemSouls.WORKSPACE)) {
      if (field.equals(SystemSouls.NAME)) {
        requireName(change, set.value());
        return false;
      }
      if (field.equals(SystemSouls.GENESIS)) {
        checkGenesis(change, set.value(), nodes);
        return true;
      }
      throw refuse(change, field + " is not a field of " + soul);
    }
    Optional<ActorId> device = SystemSouls.actorOf(soul);
    if (device.isPresent()) {
      if (field.equals(SystemSouls.NAME)) {
        requireName(change, set.value());
        // A device names itself; another device of the same person may rename it.
        if (!device.get().equals(change.actor())
            && !personOf(device.get(), Map.of(), nodes)
                .equals(personOf(change.actor(), Map.of(), nodes))) {
          throw refuse(change, "only " + device.get() + " or its person's devices may rename it");
        }
        return false;
      }
      if (field.equals(SystemSouls.PERSON)
          || field.equals(SystemSouls.INVITE)
          || field.equals(SystemSouls.CERT)) {
        if (mode != MembershipMode.MEMBERS
            || !device.get().equals(change.actor())
            || change.seq() != 1) {
          throw refuse(
              change, field + " of " + soul + " is set only by that device's first change");
        }
        return false;
      }
      if (MembershipEvent.looksLikeEvent(field)) {
        checkEvent(change, device.get(), set, nodes);
        return false;
      }
      throw refuse(change, field + " is not a field of a member");
    }
    Optional<ActorId> invite = SystemSouls.inviteOf(soul);
    if (invite.isPresent()) {
      Map<String, FieldState> current = nodes.node(soul);
      switch (field) {
        case SystemSouls.GRANT -> {
          if (current.containsKey(SystemSouls.GRANT)) {
            throw refuse(change, "invite " + invite.get() + " is already registered");
          }
          if (!(set.value() instanceof Value.Str s) || Grant.fromWireName(s.value()).isEmpty()) {
            throw refuse(change, "an invite grants member or device");
          }
        }
        case SystemSouls.EXPIRES -> {
          if (current.containsKey(SystemSouls.GRANT) || !(set.value() instanceof Value.Num)) {
            throw refuse(change, "an invite's expiry is a number set when it is registered");
          }
        }
        case SystemSouls.ROLE -> {
          if (current.containsKey(SystemSouls.GRANT)
              || !(set.value() instanceof Value.Str r)
              || Role.fromWireName(r.value()).isEmpty()
              || !grantsMember(change, invite.get())) {
            throw refuse(
                change,
                "an invite's role is reader, writer or admin, set when a member invite is registered");
          }
        }
        case SystemSouls.REVOKED -> {
          FieldState grant = current.get(SystemSouls.GRANT);
          if (grant == null
              || !(set.value() instanceof Value.Bool)
              || !personOf(grant.actor(), Map.of(), nodes)
                  .equals(personOf(change.actor(), Map.of(), nodes))) {
            throw refuse(change, "only the person who registered an invite may revoke it");
          }
        }
        default -> throw refuse(change, field + " is not a field of an invite");
      }
      return false;
    }
    throw refuse(change, soul + " is a reserved node");
  }

  private static boolean grantsMember(Change change, ActorId invite) {
    for (Op op : change.ops()) {
      if (op instanceof Op.SetField set
          && set.soul().equals(SystemSouls.invite(invite))
          && set.field().equals(SystemSouls.GRANT)
          && set.value().equals(Value.of(Grant.MEMBER.wireName()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The form of a role change, removal or revocation (decision 0007); whether its author may make
   * it is the role view's question, not this one's.
   */
  private void checkEvent(Change change, ActorId target, Op.SetField set, TouchedNodes nodes)
      throws ChangeRefusedException, SQLException, StoreException {
    Optional<MembershipEvent> parsed = MembershipEvent.parse(set.field());
    if (parsed.isEmpty() || mode != MembershipMode.MEMBERS) {
      throw refuse(change, set.field() + " is not a field of a member");
    }
    MembershipEvent event = parsed.get();
    if (!event.author().equals(change.actor()) || event.seq() != change.seq()) {
      throw refuse(
          change,
          set.field()
              + " names change #"
              + event.seq()
              + " of "
              + event.author()
              + ": an event is written only by the change it names (replayed or forged)");
    }
    if (change.seq() == 1) {
      throw refuse(change, "a device's first change makes no role changes or removals");
    }
    // The target's join must be in the event's causal past: then every replica has it here, and
    // judges the event alike.
    if ((!target.equals(change.actor()) && change.deps().get(target) < 1)
        || !(value(nodes.node(SystemSouls.actor(target)).get(SystemSouls.PERSON))
            instanceof Value.Str)) {
      throw refuse(change, target + " is not a member this change knows of");
    }
    ActorId targetPerson = personOf(target, Map.of(), nodes);
    switch (event.kind()) {
      case ROLE -> {
        if (!targetPerson.equals(target)) {
          throw refuse(change, "a role is set on a person's node, not on " + target);
        }
        if (!(set.value() instanceof Value.Str r) || Role.fromWireName(r.value()).isEmpty()) {
          throw refuse(change, "a role is reader, writer or admin");
        }
      }
      case REMOVE -> {
        if (!targetPerson.equals(target)) {
          throw refuse(change, "a removal is set on a person's node, not on " + target);
        }
        if (targetPerson.equals(personOf(change.actor(), Map.of(), nodes))) {
          throw refuse(change, "a person does not remove themselves (revoke a device instead)");
        }
        requireCut(change, target, set.value());
      }
      case REVOKE -> {
        if (target.equals(change.actor())) {
          throw refuse(change, "a device is revoked from another device");
        }
        requireCut(change, target, set.value());
      }
    }
  }

  /**
   * The form of a delegation on a protected note (decision 0011): by the owner's devices only,
   * naming its own change, for another person; a grant's value is its deadline (epoch ms), a
   * revocation's {@code true}. Whether it counts (its author's role) is the role view's question.
   */
  private void checkDelegation(Change change, Soul note, Op.SetField set, TouchedNodes nodes)
      throws ChangeRefusedException, SQLException, StoreException {
    Optional<ActorId> owner = SystemSouls.ownerOf(note);
    if (owner.isEmpty() || mode != MembershipMode.MEMBERS) {
      throw refuse(
          change,
          note + " is not a protected note of a members-only workspace: nobody is let edit it");
    }
    if (!owner.get().equals(personOf(change.actor(), Map.of(), nodes))) {
      throw refuse(change, "only the owner's devices let people edit " + note);
    }
    Optional<Delegation> parsed = Delegation.parse(set.field());
    if (parsed.isEmpty()) {
      throw refuse(change, set.field() + " is not a field of a delegation");
    }
    Delegation d = parsed.get();
    if (!d.author().equals(change.actor()) || d.seq() != change.seq() || change.seq() == 1) {
      throw refuse(
          change,
          set.field()
              + " names change #"
              + d.seq()
              + " of "
              + d.author()
              + ": a delegation is written only by the change it names (replayed or forged)");
    }
    if (d.person().equals(owner.get())) {
      throw refuse(change, "the owner of " + note + " needs no delegation");
    }
    boolean valid =
        d.kind() == Delegation.Kind.LET
            ? set.value() instanceof Value.Num n && n.value() > 0 && n.value() < 1e15
            : set.value().equals(Value.of(true));
    if (!valid) {
      throw refuse(
          change, "a delegation's value is its deadline in epoch ms, a revocation's is true");
    }
  }

  /**
   * Whether {@code change} has seen a grant letting {@code person} edit {@code note}: without one
   * its edit is refused outright (every replica has the same grants in a change's causal past);
   * with one, whether the grant still holds — its deadline, a revocation — is the role view's
   * question (decision 0011).
   */
  private static boolean letInPast(Change change, Soul note, ActorId person, TouchedNodes nodes)
      throws SQLException {
    if (change.seq() == 1) {
      return false; // a first change is a genesis or a join
    }
    for (String field : nodes.node(SystemSouls.delegations(note)).keySet()) {
      Optional<Delegation> d = Delegation.parse(field);
      if (d.isPresent()
          && d.get().kind() == Delegation.Kind.LET
          && d.get().person().equals(person)
          && change.deps().get(d.get().author()) >= d.get().seq()) {
        return true;
      }
    }
    return false;
  }

  /** A removal carries as its value what its author had seen of the device: its cut-off. */
  private void requireCut(Change change, ActorId device, Value value)
      throws ChangeRefusedException {
    long seen = change.deps().get(device);
    if (!(value instanceof Value.Num n) || n.value() != (double) seen) {
      throw refuse(
          change,
          "the cut-off of "
              + device
              + " must be "
              + seen
              + ", the seq this change has seen of it, not "
              + value);
    }
  }

  private void checkGenesis(Change change, Value value, TouchedNodes nodes)
      throws ChangeRefusedException, SQLException, StoreException {
    if (mode != MembershipMode.MEMBERS || change.seq() != 1 || !(value instanceof Value.Str s)) {
      throw refuse(change, "a genesis is the founder's first change in a members-only workspace");
    }
    Optional<WorkspaceGenesis> genesis = WorkspaceGenesis.parse(s.value());
    if (genesis.isEmpty()
        || !genesis.get().founder().equals(change.actor())
        || !genesis.get().workspaceId().equals(workspace)) {
      throw refuse(change, "the genesis does not hash to this workspace's id");
    }
    if (nodes.node(SystemSouls.WORKSPACE).containsKey(SystemSouls.GENESIS)) {
      throw refuse(change, "the workspace already has its genesis");
    }
    boolean namesFounder = false;
    for (Op op : change.ops()) {
      if (op instanceof Op.SetField set
          && set.soul().equals(SystemSouls.actor(change.actor()))
          && set.field().equals(SystemSouls.PERSON)
          && set.value().equals(Value.of(change.actor().hex()))) {
        namesFounder = true;
      }
    }
    if (!namesFounder) {
      throw refuse(change, "the genesis must make the founder its own person");
    }
  }

  private void checkJoin(Change change, Map<String, Value> fields, TouchedNodes nodes)
      throws ChangeRefusedException, SQLException, StoreException {
    ActorId actor = change.actor();
    Optional<ActorId> invite = hexActor(fields.get(SystemSouls.INVITE));
    Optional<ActorId> person = hexActor(fields.get(SystemSouls.PERSON));
    byte[] cert =
        fields.get(SystemSouls.CERT) instanceof Value.Str s ? decodeHex(s.value()) : new byte[0];
    if (invite.isEmpty() || person.isEmpty()) {
      throw refuse(
          change, actor + " is not a member: its first change is neither a genesis nor a join");
    }
    Map<String, FieldState> registered = nodes.node(SystemSouls.invite(invite.get()));
    FieldState grantState = registered.get(SystemSouls.GRANT);
    if (grantState == null) {
      throw new ChangeRefusedException(
          RefusalReason.MISSING_DEPENDENCY,
          "the join of "
              + actor
              + " uses invite "
              + invite.get()
              + ", which this replica has not seen registered");
    }
    if (!InviteKey.verifyCertificate(workspace, actor, invite.get(), cert)) {
      throw refuse(
          change,
          "the join certificate of " + actor + " does not verify against invite " + invite.get());
    }
    if (value(registered.get(SystemSouls.REVOKED)) instanceof Value.Bool b && b.value()) {
      throw refuse(change, "invite " + invite.get() + " was revoked");
    }
    if (value(registered.get(SystemSouls.EXPIRES)) instanceof Value.Num expires
        && Hlc.millis(change.hlc()) > expires.value()) {
      throw refuse(change, "invite " + invite.get() + " had expired when " + actor + " joined");
    }
    Optional<Grant> grant =
        value(grantState) instanceof Value.Str g ? Grant.fromWireName(g.value()) : Optional.empty();
    ActorId expectedPerson =
        grant.orElse(Grant.MEMBER) == Grant.MEMBER
            ? actor
            : personOf(grantState.actor(), Map.of(), nodes);
    if (!person.get().equals(expectedPerson)) {
      throw refuse(
          change,
          "the invite makes " + actor + " the person " + expectedPerson + ", not " + person.get());
    }
  }

  /**
   * The person {@code device} writes as: in a members-only workspace the person its first change
   * named; in an open workspace the device itself. Read through the role view, which keeps each
   * device's person across transactions (it is set once, by the device's first change): with a
   * thousand members, a change's author is rarely among the nodes its transaction already read.
   */
  private ActorId personOf(ActorId device, Map<String, Value> pendingOwnFields, TouchedNodes nodes)
      throws SQLException, StoreException {
    if (mode == MembershipMode.OPEN) {
      return device;
    }
    Value pending = pendingOwnFields.get(SystemSouls.PERSON);
    if (pending != null) {
      return hexActor(pending).orElse(device);
    }
    return view().person(device).orElse(device);
  }

  private void requireName(Change change, Value value) throws ChangeRefusedException {
    if (!(value instanceof Value.Str s) || s.value().length() > MAX_NAME_CHARS) {
      throw refuse(change, "a name is a string of at most " + MAX_NAME_CHARS + " characters");
    }
  }

  private static Value value(FieldState state) {
    if (state == null) {
      return Value.NULL;
    }
    try {
      return ValueCodec.decode(state.value());
    } catch (DecodeException e) {
      return Value.NULL;
    }
  }

  private static Optional<ActorId> hexActor(Value value) {
    if (value instanceof Value.Str s && s.value().length() == ActorId.LENGTH * 2) {
      try {
        return Optional.of(ActorId.parse(s.value()));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static byte[] decodeHex(String s) {
    try {
      return HexFormat.of().parseHex(s);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  private static ChangeRefusedException refuse(Change change, String why) {
    return new ChangeRefusedException(
        RefusalReason.NOT_ALLOWED,
        "change #" + change.seq() + " of " + change.actor() + ": " + why);
  }
}
