package org.rhizome.sync.replication.invite;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rhizome.graph.LocalSettings;
import org.rhizome.graph.Replica;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.NotAllowedException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.Grant;
import org.rhizome.graph.membership.InviteKey;
import org.rhizome.sync.peer.Multiaddr;

/**
 * Founding, inviting and joining shared workspaces, and the local settings sync keeps in a
 * workspace file (never replicated): {@value #SECRET}, {@value #PEERS}, {@value #ENABLED}, {@value
 * #PENDING_JOIN}.
 */
public final class SharedWorkspaces {
  public static final String SECRET = "sync.secret";

  /** Peers to dial, one multiaddr per line. */
  public static final String PEERS = "sync.peers";

  /** "true" when the workspace syncs (off by default). */
  public static final String ENABLED = "sync.enabled";

  /** The invite this device is joining with, until the join is done; and the name it will use. */
  public static final String PENDING_JOIN = "sync.pending-join";

  public static final String PENDING_NAME = "sync.pending-name";

  private SharedWorkspaces() {}

  /** Founds a new shared workspace in {@code file}, with a fresh secret; sync is switched on. */
  public static Workspace found(Path file, DeviceKey key, String workspaceName, String memberName)
      throws StoreException {
    Workspace ws = Workspace.create(file, key, workspaceName, memberName);
    try {
      ws.setLocalSetting(SECRET, WorkspaceSecret.generate(new SecureRandom()).hex());
      ws.setLocalSetting(ENABLED, "true");
    } catch (StoreException | RuntimeException e) {
      ws.close();
      throw e;
    }
    return ws;
  }

  /** The workspace's secret, if it is shared. */
  public static Optional<WorkspaceSecret> secret(Workspace ws) throws StoreException {
    Optional<String> hex = ws.localSetting(SECRET);
    try {
      return hex.map(WorkspaceSecret::parse);
    } catch (IllegalArgumentException e) {
      throw new StoreException("the workspace's sync secret is unreadable", e);
    }
  }

  /**
   * Makes a shared workspace shareable, if it is not yet: gives it a secret. A members-only
   * workspace only; an open (personal, pre-sharing) workspace cannot take members.
   */
  public static WorkspaceSecret ensureSecret(Workspace ws) throws StoreException {
    Optional<WorkspaceSecret> existing = secret(ws);
    if (existing.isPresent()) {
      return existing.get();
    }
    WorkspaceSecret s = WorkspaceSecret.generate(new SecureRandom());
    ws.setLocalSetting(SECRET, s.hex());
    return s;
  }

  /**
   * Registers a new invite and returns its text form's content.
   *
   * @param addresses where the new device can reach a member (this device's listen addresses)
   * @throws NotAllowedException in an open workspace, or when this device is not a member
   */
  public static Invite invite(
      Workspace ws, Grant grant, Duration validFor, List<Multiaddr> addresses)
      throws StoreException {
    return invite(ws, grant, org.rhizome.graph.membership.Role.WRITER, validFor, addresses);
  }

  /**
   * As {@link #invite(Workspace, Grant, Duration, List)}; a member invite grants {@code role}
   * (decision 0007: only an admin invites new people; a device invite gives the inviter's role).
   */
  public static Invite invite(
      Workspace ws,
      Grant grant,
      org.rhizome.graph.membership.Role role,
      Duration validFor,
      List<Multiaddr> addresses)
      throws StoreException {
    WorkspaceSecret secret = ensureSecret(ws);
    InviteKey key;
    try {
      key = ws.membership().createInviteAsync(grant, role, validFor).join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new StoreException("registering the invite failed", e.getCause());
    }
    return new Invite(ws.id(), secret, key, ws.membership().workspaceName(), addresses);
  }

  /**
   * Creates the replica a device joins with: it takes the workspace's changes as soon as it reaches
   * a member, and {@link #completeJoin} makes it a member once the invite's registration has
   * arrived.
   */
  public static Workspace openForInvite(Path file, DeviceKey key, Invite invite, String memberName)
      throws StoreException {
    Workspace ws = Workspace.openToJoin(file, invite.workspace(), key);
    try {
      ws.setLocalSetting(SECRET, invite.secret().hex());
      List<String> peers = new ArrayList<>();
      for (Multiaddr a : invite.addresses()) {
        peers.add(a.toString());
      }
      ws.setLocalSetting(PEERS, String.join("\n", peers));
      ws.setLocalSetting(ENABLED, "true");
      if (!ws.membership().canWrite()) {
        ws.setLocalSetting(PENDING_JOIN, invite.format());
        ws.setLocalSetting(PENDING_NAME, memberName);
      }
    } catch (StoreException | RuntimeException e) {
      ws.close();
      throw e;
    }
    return ws;
  }

  /** The peers saved for this workspace (malformed lines are skipped). */
  public static List<Multiaddr> peers(Workspace ws) throws StoreException {
    List<Multiaddr> out = new ArrayList<>();
    for (String line : ws.localSetting(PEERS).orElse("").split("\n")) {
      if (!line.isBlank()) {
        try {
          out.add(Multiaddr.parse(line.strip()));
        } catch (RuntimeException e) {
          // a hand-edited bad line is ignored, not fatal
        }
      }
    }
    return out;
  }

  /** Whether this replica is still waiting to join. */
  public static boolean joinPending(LocalSettings ws) throws StoreException {
    return ws.localSetting(PENDING_JOIN).isPresent();
  }

  /**
   * Joins, if a join is pending and the invite's registration has arrived. Returns true when this
   * device is (now) a member.
   *
   * @throws NotAllowedException if the invite has expired or was revoked (the pending join is
   *     dropped)
   */
  public static <W extends Replica & LocalSettings> boolean completeJoin(W ws)
      throws StoreException {
    Optional<String> pending = ws.localSetting(PENDING_JOIN);
    if (pending.isEmpty()) {
      return ws.membership().canWrite();
    }
    Invite invite = Invite.parse(pending.get());
    if (ws.node(org.rhizome.graph.membership.SystemSouls.invite(invite.key().publicKey()))
        .isEmpty()) {
      return false; // not caught up yet
    }
    try {
      if (!ws.membership().canWrite()) {
        ws.membership().join(invite.key(), ws.localSetting(PENDING_NAME).orElse(""));
      }
    } catch (NotAllowedException e) {
      ws.setLocalSetting(PENDING_JOIN, null);
      throw e;
    }
    ws.setLocalSetting(PENDING_JOIN, null);
    ws.setLocalSetting(PENDING_NAME, null);
    return true;
  }
}
