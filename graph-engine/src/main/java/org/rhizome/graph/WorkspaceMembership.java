package org.rhizome.graph;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.rhizome.graph.api.LastAdminException;
import org.rhizome.graph.api.NoSuchMemberException;
import org.rhizome.graph.api.NotAllowedException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.encoding.DecodeException;
import org.rhizome.graph.membership.Grant;
import org.rhizome.graph.membership.InviteKey;
import org.rhizome.graph.membership.Member;
import org.rhizome.graph.membership.MembershipEvent;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.membership.Person;
import org.rhizome.graph.membership.Role;
import org.rhizome.graph.membership.SystemSouls;
import org.rhizome.graph.membership.WorkspaceGenesis;
import org.rhizome.graph.merge.FieldState;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.privacy.EpochKeys;
import org.rhizome.graph.store.FieldTable;
import org.rhizome.graph.store.MemberRoles;

/**
 * A workspace's members and invites (see {@link org.rhizome.graph.membership}). Obtained from
 * {@link Workspace#membership()}; thread-safe; reads run on the caller's thread.
 */
public final class WorkspaceMembership {
  private final Workspace workspace;
  private final SecureRandom random;
  private final LongSupplier wallMillis;

  WorkspaceMembership(Workspace workspace, SecureRandom random, LongSupplier wallMillis) {
    this.workspace = workspace;
    this.random = random;
    this.wallMillis = wallMillis;
  }

  /**
   * The private-network secrets of the epochs this device holds (decision 0009): sync dials with
   * the current one and, until every member has moved to it, also accepts the older ones.
   */
  public org.rhizome.graph.membership.NetworkSecrets networkSecrets() throws StoreException {
    return mode() == MembershipMode.MEMBERS
        ? workspace.networkSecrets()
        : org.rhizome.graph.membership.NetworkSecrets.NONE;
  }

  /**
   * The latest expiry (Unix millis) of the invites registered after the newest epoch key was made
   * that are still valid (neither expired nor revoked); empty when none is. An invite carries the
   * workspace's own network secret, so sync accepts that secret again while such an invite is valid
   * (decision 0009): an admin who invites someone after a removal must be able to let them in.
   * Invites made before the last removal no longer open the network once every member has moved.
   */
  public OptionalLong openInvitesUntil() throws StoreException {
    if (mode() != MembershipMode.MEMBERS) {
      return OptionalLong.empty();
    }
    long now = wallMillis.getAsLong();
    return workspace
        .store()
        .read(
            c -> {
              long latest = Long.MIN_VALUE;
              long rotated = Long.MIN_VALUE;
              for (var key : new FieldTable(c).node(EpochKeys.EPOCH).entrySet()) {
                if (EpochKeys.parseKeyField(key.getKey()).isPresent()) {
                  rotated = Math.max(rotated, key.getValue().hlc());
                }
              }
              for (var node :
                  new FieldTable(c).nodesBetween("sys.invite.", "sys.invite/").values()) {
                try {
                  FieldState expires = node.get(SystemSouls.EXPIRES);
                  FieldState revoked = node.get(SystemSouls.REVOKED);
                  if (expires == null
                      || expires.hlc() <= rotated
                      || (revoked != null
                          && ValueCodec.decode(revoked.value()) instanceof Value.Bool r
                          && r.value())) {
                    continue;
                  }
                  if (ValueCodec.decode(expires.value()) instanceof Value.Num n
                      && (long) n.value() > now) {
                    latest = Math.max(latest, (long) n.value());
                  }
                } catch (DecodeException e) {
                  // an unreadable value was never accepted by the rules: not an invite
                }
              }
              return latest == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(latest);
            });
  }

  public MembershipMode mode() {
    return workspace.store().membershipMode();
  }

  /** The workspace's display name ("" if it has none, as open workspaces). */
  public String workspaceName() throws StoreException {
    return workspace.node(SystemSouls.WORKSPACE).get(SystemSouls.NAME) instanceof Value.Str s
        ? s.value()
        : "";
  }

  /** Who founded the workspace; empty for an open workspace, or before the genesis has arrived. */
  public Optional<ActorId> founder() throws StoreException {
    return workspace.node(SystemSouls.WORKSPACE).get(SystemSouls.GENESIS) instanceof Value.Str s
        ? WorkspaceGenesis.parse(s.value()).map(WorkspaceGenesis::founder)
        : Optional.empty();
  }

  /**
   * True when this device has joined: always in an open workspace, else once it founded or joined
   * it. What it may change then depends on its role ({@link #myRole()}): a reader changes nothing
   * but its devices' names.
   */
  public boolean canWrite() throws StoreException {
    return mode() == MembershipMode.OPEN || member(workspace.actor()).isPresent();
  }

  /** Every member device, founder first, then by name. */
  public List<Member> members() throws StoreException {
    Optional<ActorId> founder = founder();
    Map<ActorId, Map<String, Value>> byDevice =
        workspace
            .store()
            .read(
                c -> {
                  Map<ActorId, Map<String, Value>> out = new TreeMap<>();
                  for (var node :
                      new FieldTable(c).nodesBetween("sys.actor.", "sys.actor/").entrySet()) {
                    Optional<ActorId> device = SystemSouls.actorOf(node.getKey());
                    if (device.isEmpty()) {
                      continue;
                    }
                    for (var field : node.getValue().entrySet()) {
                      try {
                        out.computeIfAbsent(device.get(), d -> new TreeMap<>())
                            .put(field.getKey(), ValueCodec.decode(field.getValue().value()));
                      } catch (DecodeException e) {
                        // An unreadable value is left out of the listing; the rules never accepted
                        // one.
                      }
                    }
                  }
                  return out;
                });
    List<Member> members = new ArrayList<>();
    byDevice.forEach((device, fields) -> toMember(device, fields, founder).ifPresent(members::add));
    members.sort(
        (a, b) ->
            a.founder() != b.founder()
                ? (a.founder() ? -1 : 1)
                : a.name().compareToIgnoreCase(b.name()));
    return members;
  }

  /** The member {@code device}, if it is one. */
  public Optional<Member> member(ActorId device) throws StoreException {
    return toMember(device, workspace.node(SystemSouls.actor(device)), founder());
  }

  /**
   * The person this device acts for: its member's person, or the device itself in an open
   * workspace.
   */
  public ActorId person() throws StoreException {
    return member(workspace.actor()).map(Member::person).orElse(workspace.actor());
  }

  /** The name {@code device} goes by here, if it is a member with a name. */
  public Optional<String> memberName(ActorId device) throws StoreException {
    return member(device).map(Member::name).filter(n -> !n.isEmpty());
  }

  private static Optional<Member> toMember(
      ActorId device, Map<String, Value> fields, Optional<ActorId> founder) {
    if (!(fields.get(SystemSouls.PERSON) instanceof Value.Str p)) {
      return Optional.empty();
    }
    ActorId person;
    try {
      person = ActorId.parse(p.value());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String name = fields.get(SystemSouls.NAME) instanceof Value.Str n ? n.value() : "";
    return Optional.of(
        new Member(device, person, name, founder.isPresent() && founder.get().equals(device)));
  }

  /**
   * The role this device's next change would have: empty when it is not a member, or was removed or
   * revoked; {@code admin} in an open workspace (nobody is checked there).
   */
  public Optional<Role> myRole() throws StoreException {
    return role(workspace.actor());
  }

  /**
   * Why this device may not change {@code soul} (a note), as a sentence for people; empty when it
   * may. The same rules its own writes are checked with before signing: a reader changes nothing, a
   * removed person or revoked device nothing, and a protected note only its owner.
   */
  public Optional<String> whyReadOnly(Soul soul) throws StoreException {
    if (mode() == MembershipMode.OPEN) {
      return Optional.empty();
    }
    Optional<Member> me = member(workspace.actor());
    if (me.isEmpty()) {
      return Optional.of(
          "This device has not joined the workspace yet: you can read, but not change, its notes.");
    }
    Optional<Role> mine = myRole();
    if (mine.isEmpty()) {
      return Optional.of(
          "You were removed from this workspace (or this device was revoked): you can read what is"
              + " here, but your changes would be refused.");
    }
    if (!mine.get().atLeast(Role.WRITER)) {
      return Optional.of(
          "You are a reader in this workspace: you can read every note but change none. An admin"
              + " can make you a writer.");
    }
    Optional<ActorId> owner = SystemSouls.ownerOf(soul);
    if (owner.isPresent() && !owner.get().equals(me.get().person())) {
      Long until = editors(soul).get(me.get().person());
      if (until != null && until > wallMillis.getAsLong()) {
        return Optional.empty(); // its owner lets this person edit it (decision 0011)
      }
      String ownerName = memberName(owner.get()).orElse(Member.fingerprint(owner.get()));
      return Optional.of(
          "This note is protected: only "
              + ownerName
              + (until == null
                  ? ""
                  : " (and those they let edit it: your time ended "
                      + java.time.Instant.ofEpochMilli(until)
                      + ")")
              + " can change it.");
    }
    return Optional.empty();
  }

  /**
   * Whom the owner of the protected note {@code note} lets edit it (decision 0011), as this replica
   * knows: each person with the deadline in epoch ms (past deadlines kept, revoked people left
   * out).
   */
  public Map<ActorId, Long> editors(Soul note) throws StoreException {
    if (mode() != MembershipMode.MEMBERS || SystemSouls.ownerOf(note).isEmpty()) {
      return Map.of();
    }
    return workspace.store().read(c -> MemberRoles.read(c).editorsOf(note));
  }

  /**
   * Lets {@code persons} edit the protected note {@code note}, with changes stamped before {@code
   * untilMillis} (epoch ms), on every replica (decision 0011). A new grant for a person replaces
   * the one before.
   *
   * @throws NotAllowedException unless this device's person owns {@code note} and may write
   * @throws NoSuchMemberException unless every one of {@code persons} is a person here
   */
  public CompletableFuture<Change> letEditAsync(
      Soul note, List<ActorId> persons, long untilMillis) {
    return delegate(note, persons, org.rhizome.graph.membership.Delegation.Kind.LET, untilMillis);
  }

  /**
   * Takes back the right of {@code persons} to edit {@code note}: their changes this device has not
   * seen have no effect on any replica (decision 0011).
   */
  public CompletableFuture<Change> unletEditAsync(Soul note, List<ActorId> persons) {
    return delegate(note, persons, org.rhizome.graph.membership.Delegation.Kind.UNLET, 0);
  }

  private CompletableFuture<Change> delegate(
      Soul note,
      List<ActorId> persons,
      org.rhizome.graph.membership.Delegation.Kind kind,
      long untilMillis) {
    try {
      if (mode() != MembershipMode.MEMBERS) {
        throw new NotAllowedException("an open workspace has nobody to let edit a note");
      }
      Optional<ActorId> owner = SystemSouls.ownerOf(note);
      if (owner.isEmpty()) {
        throw new NotAllowedException(
            "only a protected note lets some people edit it: every member edits this one");
      }
      if (!owner.get().equals(person())) {
        throw new NotAllowedException(
            "only the owner of a protected note lets people edit it; it is "
                + memberName(owner.get()).orElse(Member.fingerprint(owner.get())));
      }
      if (persons.isEmpty()) {
        throw new IllegalArgumentException("name at least one person");
      }
      for (ActorId p : persons) {
        requirePerson(p);
        if (p.equals(owner.get())) {
          throw new IllegalArgumentException("the owner edits the note without being let");
        }
      }
      if (kind == org.rhizome.graph.membership.Delegation.Kind.LET
          && untilMillis <= wallMillis.getAsLong()) {
        throw new IllegalArgumentException(
            "the time to edit until, "
                + java.time.Instant.ofEpochMilli(untilMillis)
                + ", is already past");
      }
    } catch (StoreException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    Value value =
        kind == org.rhizome.graph.membership.Delegation.Kind.LET
            ? Value.of((double) untilMillis)
            : Value.of(true);
    return workspace.commitMadeAsync(
        (seq, deps) -> {
          List<org.rhizome.graph.change.Op> ops = new ArrayList<>();
          for (ActorId p : new java.util.LinkedHashSet<>(persons)) {
            ops.add(
                new org.rhizome.graph.change.Op.SetField(
                    SystemSouls.delegations(note),
                    new org.rhizome.graph.membership.Delegation(kind, p, workspace.actor(), seq)
                        .field(),
                    value));
          }
          return ops;
        });
  }

  /** The role {@code device}'s next change would have, as this replica knows. */
  public Optional<Role> role(ActorId device) throws StoreException {
    if (mode() == MembershipMode.OPEN) {
      return Optional.of(Role.ADMIN);
    }
    return workspace.store().read(c -> MemberRoles.read(c).role(device));
  }

  /** Every person with their devices, role and standing: founder first, then by name. */
  public List<Person> people() throws StoreException {
    List<Member> members = members();
    return workspace
        .store()
        .read(
            c -> {
              MemberRoles roles = MemberRoles.read(c);
              Map<ActorId, List<Person.Device>> devices = new java.util.LinkedHashMap<>();
              Map<ActorId, String> names = new java.util.HashMap<>();
              for (Member m : members) {
                devices
                    .computeIfAbsent(m.person(), p -> new ArrayList<>())
                    .add(new Person.Device(m, roles.revoked(m.device())));
                if (m.device().equals(m.person())) {
                  names.put(m.person(), m.name());
                }
              }
              List<Person> out = new ArrayList<>();
              for (Map.Entry<ActorId, List<Person.Device>> e : devices.entrySet()) {
                ActorId person = e.getKey();
                out.add(
                    new Person(
                        person,
                        names.getOrDefault(person, e.getValue().get(0).member().name()),
                        roles.role(person),
                        roles.removed(person),
                        e.getValue()));
              }
              return out;
            });
  }

  /**
   * The person whose name (of any of their devices, ignoring case) or key (hex, or its fingerprint
   * or a prefix of either of at least 4 digits) is {@code nameOrKey}.
   *
   * @throws NoSuchMemberException when nobody or more than one person matches
   */
  public Person person(String nameOrKey) throws StoreException {
    List<Person> matches = new ArrayList<>();
    for (Person p : people()) {
      boolean hit = false;
      for (Person.Device d : p.devices()) {
        hit |= matches(d.member(), nameOrKey);
      }
      if (hit) {
        matches.add(p);
      }
    }
    if (matches.size() != 1) {
      throw new NoSuchMemberException(
          matches.isEmpty()
              ? "no member here is called " + nameOrKey + " (see `rhizome member list`)"
              : nameOrKey + " names " + matches.size() + " people: give more of a key");
    }
    return matches.get(0);
  }

  /**
   * The device whose name or key (as {@link #person(String)} reads it) is {@code nameOrKey}.
   *
   * @throws NoSuchMemberException when no device or more than one matches
   */
  public Member device(String nameOrKey) throws StoreException {
    List<Member> matches = new ArrayList<>();
    for (Member m : members()) {
      if (matches(m, nameOrKey)) {
        matches.add(m);
      }
    }
    if (matches.size() != 1) {
      throw new NoSuchMemberException(
          matches.isEmpty()
              ? "no device here is called " + nameOrKey + " (see `rhizome member list`)"
              : nameOrKey + " names " + matches.size() + " devices: give more of a key");
    }
    return matches.get(0);
  }

  private static boolean matches(Member m, String s) {
    String q = s.trim().toLowerCase(java.util.Locale.ROOT);
    if (q.isEmpty()) {
      return false;
    }
    if (m.name().equalsIgnoreCase(s.trim())) {
      return true;
    }
    String hex = m.device().hex();
    String fp = m.fingerprint();
    return q.length() >= 4 && (hex.startsWith(q) || fp.startsWith(q));
  }

  /**
   * Gives {@code person} a new role, from this device's next change on, on every replica.
   *
   * @throws NotAllowedException unless this device is an admin's, or when {@code person} was
   *     removed
   * @throws LastAdminException when {@code person} is the last admin and {@code role} is not admin
   * @throws NoSuchMemberException unless {@code person} is a person here
   */
  public CompletableFuture<Change> setRoleAsync(ActorId person, Role role) {
    try {
      requireAdmin("change roles");
      requirePerson(person);
      if (workspace.store().read(c -> MemberRoles.read(c).removed(person))) {
        throw new NotAllowedException(
            memberName(person).orElse(Member.fingerprint(person))
                + " was removed from this workspace: a removed person has no role to change");
      }
      if (role != Role.ADMIN && otherAdmins(person) == 0) {
        throw new LastAdminException(
            (person().equals(person) ? "you are" : memberName(person).orElse("they") + " is")
                + " the last admin of this workspace: make someone else an admin first, or nobody"
                + " could invite, change roles or remove anyone again");
      }
    } catch (StoreException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return workspace.commitMadeAsync(
        (seq, deps) ->
            List.of(
                new org.rhizome.graph.change.Op.SetField(
                    SystemSouls.actor(person),
                    new MembershipEvent(MembershipEvent.Kind.ROLE, workspace.actor(), seq).field(),
                    Value.of(role.wireName()))));
  }

  /**
   * Removes {@code person}: their changes this device has not seen are refused on every replica,
   * and their effects taken back where they had arrived first (decision 0007).
   *
   * @throws NotAllowedException unless this device is an admin's, or when it is {@code person}'s
   * @throws NoSuchMemberException unless {@code person} is a person here
   */
  public CompletableFuture<Change> removeAsync(ActorId person) {
    try {
      requireAdmin("remove people");
      requirePerson(person);
      if (person().equals(person)) {
        throw new NotAllowedException("you cannot remove yourself; revoke a device instead");
      }
    } catch (StoreException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return commitCutOff(MembershipEvent.Kind.REMOVE, person);
  }

  /**
   * Revokes {@code device} (a lost or stolen one): its changes this device has not seen are refused
   * on every replica. By another device of its person, or by an admin.
   *
   * @throws NotAllowedException when this device may not, or {@code device} is this device
   * @throws NoSuchMemberException unless {@code device} is a member device here
   */
  public CompletableFuture<Change> revokeDeviceAsync(ActorId device) {
    try {
      if (mode() != MembershipMode.MEMBERS) {
        throw new NotAllowedException("an open workspace has no devices to revoke");
      }
      Member target =
          member(device)
              .orElseThrow(() -> new NoSuchMemberException(device + " is not a device here"));
      if (device.equals(workspace.actor())) {
        throw new NotAllowedException("a device is revoked from another device");
      }
      Optional<Role> mine = myRole();
      if (mine.isEmpty() || (mine.get() != Role.ADMIN && !target.person().equals(person()))) {
        throw new NotAllowedException(
            "only the device's own person or an admin may revoke it; you are "
                + mine.map(Role::wireName).orElse("not a member in good standing"));
      }
    } catch (StoreException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return commitCutOff(MembershipEvent.Kind.REVOKE, device);
  }

  /**
   * How many people other than {@code person} are admins in good standing here: not removed, and
   * with a device that is not revoked. (A local guard: two last admins demoting themselves while
   * offline can still leave none, see decision 0007.)
   */
  public int otherAdmins(ActorId person) throws StoreException {
    List<Person> people = people();
    return workspace
        .store()
        .read(
            c -> {
              MemberRoles roles = MemberRoles.read(c);
              int admins = 0;
              for (Person p : people) {
                if (p.person().equals(person) || p.removed()) {
                  continue;
                }
                for (Person.Device d : p.devices()) {
                  if (!d.revoked() && roles.role(d.member().device()).orElse(null) == Role.ADMIN) {
                    admins++;
                    break;
                  }
                }
              }
              return admins;
            });
  }

  private void requireAdmin(String what) throws StoreException {
    if (mode() != MembershipMode.MEMBERS) {
      throw new NotAllowedException("an open workspace has no roles");
    }
    Optional<Role> mine = myRole();
    if (mine.isEmpty() || mine.get() != Role.ADMIN) {
      throw new NotAllowedException(
          "only an admin may "
              + what
              + "; you are "
              + mine.map(Role::wireName).orElse("not a member in good standing"));
    }
  }

  private void requirePerson(ActorId person) throws StoreException {
    Optional<Member> m = member(person);
    if (m.isEmpty() || !m.get().person().equals(person)) {
      throw new NoSuchMemberException(person + " is not a person of this workspace");
    }
  }

  /**
   * Registers a new invite that lets its holder join as {@code grant} says, for {@code validFor}.
   * The returned key goes into the invite text; the workspace keeps only its public half.
   *
   * @throws NotAllowedException if this device may not write here (in an open workspace nobody
   *     joins)
   */
  public CompletableFuture<InviteKey> createInviteAsync(Grant grant, Duration validFor) {
    if (mode() != MembershipMode.MEMBERS) {
      return CompletableFuture.failedFuture(
          new NotAllowedException("an open workspace has no members to invite"));
    }
    return createInviteAsync(grant, Role.WRITER, validFor);
  }

  /**
   * As {@link #createInviteAsync(Grant, Duration)}; a member invite grants {@code role} (only an
   * admin invites new people), a device invite its person's own role (a writer may invite its own
   * devices).
   *
   * @throws NotAllowedException when this device's role does not allow the invite
   */
  public CompletableFuture<InviteKey> createInviteAsync(Grant grant, Role role, Duration validFor) {
    if (mode() != MembershipMode.MEMBERS) {
      return CompletableFuture.failedFuture(
          new NotAllowedException("an open workspace has no members to invite"));
    }
    try {
      Optional<Role> mine = myRole();
      if (grant == Grant.MEMBER && (mine.isEmpty() || mine.get() != Role.ADMIN)) {
        throw new NotAllowedException(
            "only an admin invites new people; you are "
                + mine.map(Role::wireName).orElse("not a member in good standing"));
      }
      if (mine.isEmpty() || !mine.get().atLeast(Role.WRITER)) {
        throw new NotAllowedException("a reader invites nobody, not even another device");
      }
    } catch (StoreException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    InviteKey invite = InviteKey.generate(random, grant);
    long expires = wallMillis.getAsLong() + validFor.toMillis();
    return workspace.commitAsync(invite.registrationOps(expires, role)).thenApply(change -> invite);
  }

  /**
   * Makes this device a member with {@code invite}: commits its certificate as the device's first
   * change. The invite's registration must already be here (catch up with a member first).
   *
   * @throws NotAllowedException if the invite is unknown here, expired or revoked, or this device
   *     has already written to the workspace
   */
  public Change join(InviteKey invite, String name) throws StoreException {
    if (mode() == MembershipMode.OPEN || member(workspace.actor()).isPresent()) {
      throw new NotAllowedException("this device is already a member of the workspace");
    }
    Map<String, Value> registered = workspace.node(SystemSouls.invite(invite.publicKey()));
    if (!registered.containsKey(SystemSouls.GRANT)) {
      throw new NotAllowedException(
          "this replica has not received the invite's registration yet: sync with a member first");
    }
    ActorId person = workspace.actor();
    if (invite.grant() == Grant.DEVICE) {
      Soul registration = SystemSouls.invite(invite.publicKey());
      ActorId inviter =
          workspace
              .store()
              .read(c -> new FieldTable(c).node(registration).get(SystemSouls.GRANT).actor());
      person = member(inviter).map(Member::person).orElse(inviter);
    }
    return workspace.commit(invite.joinOps(workspace.id(), workspace.actor(), person, name));
  }

  /** Renames this workspace for every member. */
  public CompletableFuture<Change> renameWorkspaceAsync(String name) {
    return workspace.commitAsync(
        List.of(
            new org.rhizome.graph.change.Op.SetField(
                SystemSouls.WORKSPACE, SystemSouls.NAME, Value.of(name))));
  }

  /** Changes the name this device goes by. */
  public CompletableFuture<Change> setMyNameAsync(String name) {
    return workspace.commitAsync(
        List.of(
            new org.rhizome.graph.change.Op.SetField(
                SystemSouls.actor(workspace.actor()), SystemSouls.NAME, Value.of(name))));
  }

  /**
   * Commits an event of {@code kind} on {@code target}'s member node whose value is its cut-off:
   * what this change has seen of {@code target} (decision 0007), named after the change itself.
   */
  private CompletableFuture<Change> commitCutOff(MembershipEvent.Kind kind, ActorId target) {
    return workspace.commitMadeAsync(
        (seq, deps) ->
            List.of(
                new org.rhizome.graph.change.Op.SetField(
                    SystemSouls.actor(target),
                    new MembershipEvent(kind, workspace.actor(), seq).field(),
                    Value.of((double) deps.get(target)))));
  }
}
