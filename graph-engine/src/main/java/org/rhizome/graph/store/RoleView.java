package org.rhizome.graph.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.encoding.DecodeException;
import org.rhizome.graph.membership.Delegation;
import org.rhizome.graph.membership.MembershipEvent;
import org.rhizome.graph.membership.Role;
import org.rhizome.graph.membership.SystemSouls;
import org.rhizome.graph.membership.WorkspaceGenesis;
import org.rhizome.graph.merge.FieldState;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.model.VersionVector;

/**
 * Which role each change's author had when it made the change, read from the membership facts in
 * the field table (decision 0007). The facts are a grow-only set (joins, invite registrations, and
 * role, removal and revocation events, each a field set once), so every replica holding the same
 * changes builds the same view, whatever order they arrived in:
 *
 * <ul>
 *   <li>A person starts with the founder's {@code admin}, or the role of the invite it joined with
 *       — if whoever registered that invite could grant it then ({@code admin}; {@code writer} for
 *       an invite made before roles, which grants {@code writer}).
 *   <li>Events are taken in one order every replica agrees on: by clock, then author key, then seq.
 *       An event counts when its author could make it at that change, judged from the events before
 *       it; so of two admins removing each other concurrently, the earlier removal counts and the
 *       later one, made by a removed author, does not.
 *   <li>An event on person P affects the changes of P's device d that are not in its causal past:
 *       those with a seq above the event's version vector at d (its cut-off). A removal ends the
 *       person's rights for good; a revocation does the same for one device.
 * </ul>
 *
 * Reads on the writer's connection, so it sees the transaction's own writes; confined to the writer
 * thread. A new instance is made when an event arrives.
 */
final class RoleView {
  /** An event with what its change says: its clock and version vector. */
  record Event(
      MembershipEvent id, ActorId target, Optional<Role> role, long hlc, VersionVector deps) {
    long cut(ActorId device) {
      return id.author().equals(device) ? id.seq() : deps.get(device);
    }
  }

  /**
   * A protected note's delegation (decision 0011) with what its change says: its clock and version
   * vector.
   *
   * @param until a grant's deadline (epoch ms); 0 for a revocation
   */
  record Grant(Delegation id, Soul note, long until, long hlc, VersionVector deps) {
    /** Whether {@code change} (of a device other than the owner's) is in this one's causal past. */
    boolean saw(Change change) {
      return deps.get(change.actor()) >= change.seq();
    }
  }

  static final Comparator<Grant> GRANT_ORDER =
      Comparator.comparingLong(Grant::hlc)
          .thenComparing(g -> g.id().author().hex())
          .thenComparingLong(g -> g.id().seq())
          .thenComparing(g -> g.id().person().hex());

  static final Comparator<Event> ORDER =
      Comparator.comparingLong(Event::hlc)
          .thenComparing(e -> e.id().author().hex())
          .thenComparingLong(e -> e.id().seq());

  /** What a person's join says about its first role. */
  private record Joined(
      Optional<Role> role, ActorId registrar, long registrarSeq, boolean legacy) {}

  private static final int MAX_INVITE_CHAIN = 256;

  private final FieldTable fields;
  private final ChangeLog log;
  private final Optional<ActorId> founder;
  private final List<Event> events;
  private final List<Grant> grants;

  /** The events that count, and the revocations of delegations that count (to compare views). */
  private final Set<Record> valid = new HashSet<>();

  /** The delegations that count, by note and person, in {@link #GRANT_ORDER}. */
  private final Map<Soul, Map<ActorId, List<Grant>>> delegations = new HashMap<>();

  private final Map<ActorId, List<Event>> byPerson = new HashMap<>();
  private final Map<ActorId, List<Event>> revocations = new HashMap<>();
  private final Map<ActorId, ActorId> persons = new HashMap<>();
  private final Map<ActorId, Optional<Joined>> joins = new HashMap<>();
  private final Map<ActorId, Optional<Role>> firstRoles = new HashMap<>();
  private boolean settled;

  private RoleView(
      FieldTable fields,
      ChangeLog log,
      Optional<ActorId> founder,
      List<Event> events,
      List<Grant> grants) {
    this.fields = fields;
    this.log = log;
    this.founder = founder;
    this.events = events;
    this.grants = grants;
  }

  /** Reads every event and settles which of them count. */
  static RoleView build(FieldTable fields, ChangeLog log, Map<MembershipEvent, Event> loaded)
      throws SQLException, StoreException {
    return build(fields, log, loaded, new HashMap<>());
  }

  /** As {@link #build(FieldTable, ChangeLog, Map)}, with the delegations already read. */
  static RoleView build(
      FieldTable fields,
      ChangeLog log,
      Map<MembershipEvent, Event> loaded,
      Map<Delegation, Grant> loadedGrants)
      throws SQLException, StoreException {
    Optional<ActorId> founder =
        value(fields.node(SystemSouls.WORKSPACE).get(SystemSouls.GENESIS)) instanceof Value.Str g
            ? WorkspaceGenesis.parse(g.value()).map(WorkspaceGenesis::founder)
            : Optional.empty();
    List<Event> events = new ArrayList<>();
    for (Map.Entry<Soul, Map<String, FieldState>> node :
        fields.eventFields(SystemSouls.ACTOR_PREFIX).entrySet()) {
      Optional<ActorId> target = SystemSouls.actorOf(node.getKey());
      if (target.isEmpty()) {
        continue;
      }
      for (Map.Entry<String, FieldState> f : node.getValue().entrySet()) {
        Optional<MembershipEvent> id = MembershipEvent.parse(f.getKey());
        if (id.isEmpty()) {
          continue;
        }
        Event e = loaded.get(id.get());
        if (e == null) {
          Optional<Change> change = log.load(id.get().author(), id.get().seq());
          if (change.isEmpty()) {
            continue; // the rules store an event field only with its change
          }
          Optional<Role> role =
              value(f.getValue()) instanceof Value.Str s
                  ? Role.fromWireName(s.value())
                  : Optional.empty();
          e = new Event(id.get(), target.get(), role, change.get().hlc(), change.get().deps());
          loaded.put(id.get(), e);
        }
        events.add(e);
      }
    }
    events.sort(ORDER);
    RoleView view =
        new RoleView(fields, log, founder, events, readGrants(fields, log, loadedGrants));
    view.settle();
    return view;
  }

  private static List<Grant> readGrants(
      FieldTable fields, ChangeLog log, Map<Delegation, Grant> loaded)
      throws SQLException, StoreException {
    List<Grant> grants = new ArrayList<>();
    String prefix = SystemSouls.LET_PREFIX;
    for (Map.Entry<Soul, Map<String, FieldState>> node :
        fields.nodesBetween(prefix, prefix.substring(0, prefix.length() - 1) + "/").entrySet()) {
      Optional<Soul> note = SystemSouls.delegatedNoteOf(node.getKey());
      if (note.isEmpty()) {
        continue;
      }
      for (Map.Entry<String, FieldState> f : node.getValue().entrySet()) {
        Optional<Delegation> id = Delegation.parse(f.getKey());
        if (id.isEmpty()) {
          continue;
        }
        Grant g = loaded.get(id.get());
        if (g == null) {
          Optional<Change> change = log.load(id.get().author(), id.get().seq());
          if (change.isEmpty()) {
            continue;
          }
          long until =
              id.get().kind() == Delegation.Kind.LET && value(f.getValue()) instanceof Value.Num n
                  ? (long) n.value()
                  : 0;
          g = new Grant(id.get(), note.get(), until, change.get().hlc(), change.get().deps());
          loaded.put(id.get(), g);
        }
        grants.add(g);
      }
    }
    grants.sort(GRANT_ORDER);
    return grants;
  }

  private void settle() throws SQLException {
    for (Event e : events) {
      if (counts(e)) {
        valid.add(e.id());
        List<Event> list =
            e.id().kind() == MembershipEvent.Kind.REVOKE
                ? revocations.computeIfAbsent(e.target(), k -> new ArrayList<>())
                : byPerson.computeIfAbsent(e.target(), k -> new ArrayList<>());
        list.add(e);
        firstRoles.clear(); // a first role may rest on a registrar this event changed
      }
    }
    settled = true;
    for (Grant g : grants) {
      // A delegation counts when its author is a device of the note's owner (the rules check that)
      // and could write when it made it.
      Optional<Role> author = roleAt(g.id().author(), g.id().seq());
      if (author.isEmpty()
          || !author.get().atLeast(Role.WRITER)
          || !person(g.id().author()).equals(SystemSouls.ownerOf(g.note()))) {
        continue;
      }
      delegations
          .computeIfAbsent(g.note(), k -> new HashMap<>())
          .computeIfAbsent(g.id().person(), k -> new ArrayList<>())
          .add(g);
      if (g.id().kind() == Delegation.Kind.UNLET) {
        // Only a revocation can take effects back: a grant counts for changes that saw it, and
        // every replica applies those after it.
        valid.add(g.id());
      }
    }
  }

  /** Whether an event's author could make it, given the events that count before it. */
  private boolean counts(Event e) throws SQLException {
    Optional<Role> author = roleAt(e.id().author(), e.id().seq(), 0);
    if (author.isEmpty()) {
      return false;
    }
    return switch (e.id().kind()) {
      case ROLE -> author.get() == Role.ADMIN && e.role().isPresent();
      case REMOVE ->
          author.get() == Role.ADMIN && !e.target().equals(person(e.id().author()).orElse(null));
      case REVOKE ->
          !e.target().equals(e.id().author())
              && (author.get() == Role.ADMIN || person(e.target()).equals(person(e.id().author())));
    };
  }

  /**
   * The event ids that count (and the delegations' revocations that count), for comparing two
   * views.
   */
  Set<Record> valid() {
    return valid;
  }

  /** The events that count on a person (role changes and removals), in order. */
  List<Event> eventsOn(ActorId person) {
    return byPerson.getOrDefault(person, List.of());
  }

  /** The revocations that count on a device. */
  List<Event> revocationsOf(ActorId device) {
    return revocations.getOrDefault(device, List.of());
  }

  /**
   * The role {@code device} had at its change {@code seq}: empty when it is not a member, or was
   * removed or revoked before that change.
   */
  Optional<Role> roleAt(ActorId device, long seq) throws SQLException {
    return roleAt(device, seq, 0);
  }

  private Optional<Role> roleAt(ActorId device, long seq, int depth) throws SQLException {
    Optional<ActorId> person = person(device);
    if (person.isEmpty()) {
      return Optional.empty();
    }
    for (Event r : revocations.getOrDefault(device, List.of())) {
      if (r.cut(device) < seq) {
        return Optional.empty();
      }
    }
    Optional<Role> role = firstRole(person.get(), depth);
    for (Event e : byPerson.getOrDefault(person.get(), List.of())) {
      if (role.isEmpty()) {
        break;
      }
      if (e.cut(device) < seq) {
        role = e.id().kind() == MembershipEvent.Kind.REMOVE ? Optional.empty() : e.role();
      }
    }
    return role;
  }

  /** The role a person has now, as seen here (for listings and this device's own checks). */
  Optional<Role> currentRole(ActorId device) throws SQLException {
    return roleAt(device, Long.MAX_VALUE);
  }

  /** Whether a person was removed by an event that counts. */
  boolean removed(ActorId person) {
    for (Event e : byPerson.getOrDefault(person, List.of())) {
      if (e.id().kind() == MembershipEvent.Kind.REMOVE) {
        return true;
      }
    }
    return false;
  }

  Optional<ActorId> person(ActorId device) throws SQLException {
    ActorId known = persons.get(device);
    if (known != null) {
      return Optional.of(known);
    }
    if (value(fields.node(SystemSouls.actor(device)).get(SystemSouls.PERSON)) instanceof Value.Str p
        && p.value().length() == ActorId.LENGTH * 2) {
      try {
        ActorId person = ActorId.parse(p.value());
        persons.put(device, person);
        return Optional.of(person);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private Optional<Role> firstRole(ActorId person, int depth) throws SQLException {
    Optional<Role> memo = settled ? firstRoles.get(person) : null;
    if (memo != null) {
      return memo;
    }
    Optional<Role> role = computeFirstRole(person, depth);
    if (settled) {
      firstRoles.put(person, role);
    }
    return role;
  }

  private Optional<Role> computeFirstRole(ActorId person, int depth) throws SQLException {
    if (founder.isPresent() && founder.get().equals(person)) {
      return Optional.of(Role.ADMIN);
    }
    if (depth > MAX_INVITE_CHAIN) {
      return Optional.empty();
    }
    Optional<Joined> joined = joins.get(person);
    if (joined == null) {
      joined = readJoin(person);
      joins.put(person, joined);
    }
    if (joined.isEmpty()) {
      return Optional.empty();
    }
    Joined j = joined.get();
    Optional<Role> registrar = roleAt(j.registrar(), j.registrarSeq(), depth + 1);
    if (registrar.isEmpty()) {
      return Optional.empty();
    }
    if (j.legacy()) {
      return registrar.get().atLeast(Role.WRITER) ? Optional.of(Role.WRITER) : Optional.empty();
    }
    return registrar.get() == Role.ADMIN ? j.role() : Optional.empty();
  }

  private Optional<Joined> readJoin(ActorId person) throws SQLException {
    if (!(value(fields.node(SystemSouls.actor(person)).get(SystemSouls.INVITE))
        instanceof Value.Str key)) {
      return Optional.empty();
    }
    ActorId invite;
    try {
      invite = ActorId.parse(key.value());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    Map<String, FieldState> registered = fields.node(SystemSouls.invite(invite));
    FieldState grant = registered.get(SystemSouls.GRANT);
    if (grant == null) {
      return Optional.empty();
    }
    Optional<Long> seq = log.seqAt(grant.actor(), grant.hlc());
    if (seq.isEmpty()) {
      return Optional.empty();
    }
    FieldState role = registered.get(SystemSouls.ROLE);
    Optional<Role> granted =
        value(role) instanceof Value.Str s ? Role.fromWireName(s.value()) : Optional.empty();
    return Optional.of(new Joined(granted, grant.actor(), seq.get(), role == null));
  }

  /**
   * Whether a change has effect (decision 0007): always in the first change of a device (judged by
   * the join rules of 0004), else when every op is one its author's role at it allows.
   */
  boolean permits(Change change) throws SQLException {
    if (change.seq() == 1) {
      return true;
    }
    Optional<Role> role = roleAt(change.actor(), change.seq());
    if (role.isEmpty()) {
      return false;
    }
    return refusal(change, role.get()) == null;
  }

  /**
   * Why {@code role} may not make {@code change}, or null when it may. Event and invite fields
   * written without the right stay as facts but count for nothing; this says the change as a whole
   * is refused.
   */
  String refusal(Change change, Role role) throws SQLException {
    boolean grantsRole = false;
    for (Op op : change.ops()) {
      if (op instanceof Op.SetField set
          && SystemSouls.inviteOf(set.soul()).isPresent()
          && set.field().equals(SystemSouls.ROLE)) {
        grantsRole = true;
      }
    }
    for (Op op : change.ops()) {
      Soul soul = op.soul();
      if (org.rhizome.graph.privacy.EpochKeys.isEpoch(soul)) {
        continue; // epoch keys (0009): whoever removes or revokes rotates them, readers too
      }
      Optional<ActorId> memberNode = SystemSouls.actorOf(soul);
      if (memberNode.isPresent()) {
        if (op.field().equals(SystemSouls.NAME)) {
          continue; // any member names its own devices (the 0004 rule checks whose)
        }
        Optional<MembershipEvent> event = MembershipEvent.parse(op.field());
        if (event.isPresent()
            && event.get().kind() == MembershipEvent.Kind.REVOKE
            && (role == Role.ADMIN || person(memberNode.get()).equals(person(change.actor())))) {
          continue;
        }
        if (role != Role.ADMIN) {
          return "only an admin changes roles and removes people; "
              + change.actor()
              + " is a "
              + role.wireName();
        }
        continue;
      }
      if (SystemSouls.inviteOf(soul).isPresent()) {
        if (op.field().equals(SystemSouls.REVOKED) || !grantsRole) {
          // Device invites (and invites made the 0004 way) need a writer.
          if (!role.atLeast(Role.WRITER)) {
            return "a reader invites nobody";
          }
          continue;
        }
        if (role != Role.ADMIN) {
          return "only an admin invites new people; " + change.actor() + " is a " + role.wireName();
        }
        continue;
      }
      if (!role.atLeast(Role.WRITER)) {
        return change.actor() + " is a reader: it may change nothing but its own devices' names";
      }
      if (soul.value().startsWith(SystemSouls.OWNED_PREFIX)) {
        String why = delegationRefusal(change, soul);
        if (why != null) {
          return why;
        }
      }
    }
    return null;
  }

  /**
   * Why {@code change} may not edit the protected note {@code note}, or null when it may (decision
   * 0011): its author's person is the owner, or the last delegation for that person — among the
   * grants the change had seen and the revocations that had not seen it, in {@link #GRANT_ORDER} —
   * is a grant whose deadline is after the change's clock.
   */
  private String delegationRefusal(Change change, Soul note) throws SQLException {
    Optional<ActorId> owner = SystemSouls.ownerOf(note);
    Optional<ActorId> person = person(change.actor());
    if (owner.isEmpty() || person.isEmpty() || owner.get().equals(person.get())) {
      return null;
    }
    Grant last = null;
    for (Grant g : delegations.getOrDefault(note, Map.of()).getOrDefault(person.get(), List.of())) {
      boolean applies =
          g.id().kind() == Delegation.Kind.LET
              ? change.deps().get(g.id().author()) >= g.id().seq()
              : !g.saw(change);
      if (applies) {
        last = g;
      }
    }
    if (last == null) {
      return note + " is protected, and its owner has not let " + person.get() + " edit it";
    }
    if (last.id().kind() == Delegation.Kind.UNLET) {
      return "the owner of "
          + note
          + " took back "
          + person.get()
          + "'s right to edit it (change #"
          + last.id().seq()
          + " of "
          + last.id().author()
          + ") before seeing this change";
    }
    long stamped = org.rhizome.graph.clock.Hlc.millis(change.hlc());
    if (stamped >= last.until()) {
      return person.get()
          + " may edit "
          + note
          + " only until "
          + java.time.Instant.ofEpochMilli(last.until())
          + "; this change is stamped "
          + java.time.Instant.ofEpochMilli(stamped);
    }
    return null;
  }

  /**
   * Who the owner of {@code note} lets edit it now, as this replica knows: each person with the
   * deadline of the last delegation that counts (revoked persons are left out).
   */
  Map<ActorId, Long> editorsOf(Soul note) {
    Map<ActorId, Long> out = new java.util.LinkedHashMap<>();
    for (Map.Entry<ActorId, List<Grant>> e : delegations.getOrDefault(note, Map.of()).entrySet()) {
      Grant last = e.getValue().get(e.getValue().size() - 1);
      if (last.id().kind() == Delegation.Kind.LET) {
        out.put(e.getKey(), last.until());
      }
    }
    return out;
  }

  /** Whether an op is a membership fact (kept even from a change without effect). */
  static boolean isFact(Op op) {
    Soul soul = op.soul();
    if (org.rhizome.graph.privacy.EpochKeys.isEpoch(soul)) {
      // Epoch keys and their wraps (decision 0009) are kept from every change, counting or not, so
      // every replica holds the same ones and a key made by a removal that does not count still
      // reaches, through the next change of a device holding it, those it left out.
      return !op.field().equals(org.rhizome.graph.privacy.PrivateSouls.SEALED);
    }
    if (SystemSouls.inviteOf(soul).isPresent()) {
      return true;
    }
    if (SystemSouls.actorOf(soul).isPresent()) {
      String f = op.field();
      return !f.equals(SystemSouls.NAME);
    }
    if (SystemSouls.delegatedNoteOf(soul).isPresent()) {
      return true; // delegations (decision 0011) are facts too: the view judges whether they count
    }
    return soul.equals(SystemSouls.WORKSPACE) && op.field().equals(SystemSouls.GENESIS);
  }

  /** Whether a change writes an event field (and so may change who could do what). */
  static boolean hasEvent(Change change) {
    for (Op op : change.ops()) {
      if (SystemSouls.actorOf(op.soul()).isPresent()
          && MembershipEvent.parse(op.field()).isPresent()) {
        return true;
      }
      if (SystemSouls.delegatedNoteOf(op.soul()).isPresent() && op.field().startsWith("unlet.")) {
        return true; // a revocation of a delegation may take effects back (decision 0011)
      }
    }
    return false;
  }

  static Value value(FieldState state) {
    if (state == null) {
      return Value.NULL;
    }
    try {
      return ValueCodec.decode(state.value());
    } catch (DecodeException e) {
      return Value.NULL;
    }
  }
}
