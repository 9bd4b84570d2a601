package org.rhizome.graph;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.rhizome.graph.api.NotAllowedException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.encoding.DecodeException;
import org.rhizome.graph.membership.Grant;
import org.rhizome.graph.membership.InviteKey;
import org.rhizome.graph.membership.Member;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.membership.SystemSouls;
import org.rhizome.graph.membership.WorkspaceGenesis;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.store.FieldTable;

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
   * True when this device may write: always in an open workspace, else once it founded or joined
   * it.
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
  ActorId person() throws StoreException {
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
    InviteKey invite = InviteKey.generate(random, grant);
    long expires = wallMillis.getAsLong() + validFor.toMillis();
    return workspace.commitAsync(invite.registrationOps(expires)).thenApply(change -> invite);
  }

  /**
   * Makes this device a member with {@code invite}: commits its certificate as the device's first
   * change. The invite's registration must already be here (catch up with a member first).
   *
   * @throws NotAllowedException if the invite is unknown here, expired or revoked, or this device
   *     has already written to the workspace
   */
  public Change join(InviteKey invite, String name) throws StoreException {
    if (canWrite()) {
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
}
