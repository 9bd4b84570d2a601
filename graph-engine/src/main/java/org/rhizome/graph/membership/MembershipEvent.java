package org.rhizome.graph.membership;

import java.util.Optional;
import org.rhizome.graph.model.ActorId;

/**
 * A role change, a person's removal or a device's revocation, as the field it writes on a member
 * node: {@code <kind>.<author device hex>.<author's seq>}. The name ties the field to the one
 * change that may write it, so a field is set once, never overwritten, and cannot be replayed
 * inside another change; the rules refuse a field whose name does not name the change writing it.
 *
 * @param kind what the event does
 * @param author the device that made it
 * @param seq the seq of the change that holds it (its version vector is the event's cut-off)
 */
public record MembershipEvent(Kind kind, ActorId author, long seq) {
  public enum Kind {
    /** On a person's node; the value is the new role's wire name. */
    ROLE("role."),
    /** On a person's node; the value is the cut-off (the removal's seq of that device). */
    REMOVE("remove."),
    /** On a device's node; the value is the cut-off (the revocation's seq of that device). */
    REVOKE("revoke.");

    final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }
  }

  public String field() {
    return kind.prefix + author.hex() + "." + seq;
  }

  /** The event a member-node field records, if it is an event field. */
  public static Optional<MembershipEvent> parse(String field) {
    for (Kind kind : Kind.values()) {
      if (!field.startsWith(kind.prefix)) {
        continue;
      }
      String rest = field.substring(kind.prefix.length());
      int hex = ActorId.LENGTH * 2;
      if (rest.length() < hex + 2 || rest.charAt(hex) != '.') {
        return Optional.empty();
      }
      String seqText = rest.substring(hex + 1);
      if (seqText.isEmpty()
          || seqText.length() > 18
          || !seqText.chars().allMatch(Character::isDigit)
          || (seqText.length() > 1 && seqText.charAt(0) == '0')) {
        return Optional.empty();
      }
      String actor = rest.substring(0, hex);
      if (!actor.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return Optional.empty();
      }
      return Optional.of(new MembershipEvent(kind, ActorId.parse(actor), Long.parseLong(seqText)));
    }
    return Optional.empty();
  }

  /** Whether a field name is in an event's namespace (and so must parse as one). */
  public static boolean looksLikeEvent(String field) {
    for (Kind kind : Kind.values()) {
      if (field.startsWith(kind.prefix)) {
        return true;
      }
    }
    return false;
  }
}
