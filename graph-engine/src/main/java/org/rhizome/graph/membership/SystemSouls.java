package org.rhizome.graph.membership;

import java.util.Optional;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;

/**
 * The reserved souls that hold a workspace's membership facts, and the souls of protected nodes.
 * Note souls (ULIDs) never contain a dot, so none of these can collide with one.
 */
public final class SystemSouls {
  /** Everything under this prefix is checked by the membership rules; unknown names are refused. */
  public static final String SYSTEM_PREFIX = "sys.";

  /** The workspace itself: its genesis and its name. */
  public static final Soul WORKSPACE = new Soul("sys.workspace");

  public static final String ACTOR_PREFIX = "sys.actor.";
  static final String INVITE_PREFIX = "sys.invite.";

  /**
   * {@code sys.let.<protected note soul>}: whom the note's owner lets edit it, until when (decision
   * 0011; fields are {@link Delegation}s).
   */
  public static final String LET_PREFIX = "sys.let.";

  /**
   * {@code own.<person hex>.<suffix>}: a protected node, editable only by that person's devices.
   */
  public static final String OWNED_PREFIX = "own.";

  // Fields of WORKSPACE
  public static final String GENESIS = "genesis";
  public static final String NAME = "name";
  // Fields of a member device node (also NAME)
  public static final String PERSON = "person";
  public static final String INVITE = "invite";
  public static final String CERT = "cert";
  // Fields of an invite node
  public static final String GRANT = "grant";
  public static final String EXPIRES = "expires";
  public static final String REVOKED = "revoked";

  /** The role a member invite grants (decision 0007); absent on invites made before roles. */
  public static final String ROLE = "role";

  private SystemSouls() {}

  public static Soul actor(ActorId device) {
    return new Soul(ACTOR_PREFIX + device.hex());
  }

  public static Soul invite(ActorId inviteKey) {
    return new Soul(INVITE_PREFIX + inviteKey.hex());
  }

  /**
   * The soul of a new protected node owned by {@code person}; {@code suffix} makes it unique (e.g.
   * a ULID).
   */
  public static Soul owned(ActorId person, String suffix) {
    return new Soul(OWNED_PREFIX + person.hex() + "." + suffix);
  }

  /** The delegation node of the protected note {@code note} (decision 0011). */
  public static Soul delegations(Soul note) {
    return new Soul(LET_PREFIX + note.value());
  }

  /** The protected note a delegation node is about, if {@code soul} is one (of any note soul). */
  public static Optional<Soul> delegatedNoteOf(Soul soul) {
    String s = soul.value();
    return s.startsWith(LET_PREFIX) && s.length() > LET_PREFIX.length()
        ? Optional.of(new Soul(s.substring(LET_PREFIX.length())))
        : Optional.empty();
  }

  public static boolean isSystem(Soul soul) {
    return soul.value().startsWith(SYSTEM_PREFIX);
  }

  /** The device a member node describes, if {@code soul} is one. */
  public static Optional<ActorId> actorOf(Soul soul) {
    return hexAfter(soul.value(), ACTOR_PREFIX, false);
  }

  /** The invite key an invite node describes, if {@code soul} is one. */
  public static Optional<ActorId> inviteOf(Soul soul) {
    return hexAfter(soul.value(), INVITE_PREFIX, false);
  }

  /** The person who owns a protected node; empty for every other soul. */
  public static Optional<ActorId> ownerOf(Soul soul) {
    return hexAfter(soul.value(), OWNED_PREFIX, true);
  }

  private static Optional<ActorId> hexAfter(String s, String prefix, boolean suffixFollows) {
    int hexLength = ActorId.LENGTH * 2;
    if (!s.startsWith(prefix) || s.length() < prefix.length() + hexLength) {
      return Optional.empty();
    }
    int end = prefix.length() + hexLength;
    if (suffixFollows ? s.length() < end + 2 || s.charAt(end) != '.' : s.length() != end) {
      return Optional.empty();
    }
    String hex = s.substring(prefix.length(), end);
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return Optional.empty();
      }
    }
    return Optional.of(ActorId.parse(hex));
  }
}
