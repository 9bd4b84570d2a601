package org.rhizome.graph.membership;

import java.util.Optional;
import org.rhizome.graph.model.ActorId;

/**
 * A protected note's owner letting a person edit it until a time, or taking that back (decision
 * 0011), as the field it writes on the note's delegation node {@code sys.let.<note soul>}: {@code
 * <kind>.<person hex>.<author device hex>.<author's seq>}. As with {@link MembershipEvent}, the
 * name ties the field to the one change that may write it, so it is set once and cannot be replayed
 * inside another change.
 *
 * @param kind a grant or its revocation
 * @param person the person let edit (or no longer)
 * @param author the owner's device that made it
 * @param seq the seq of the change that holds it (its version vector says what it had seen)
 */
public record Delegation(Kind kind, ActorId person, ActorId author, long seq) {
  public enum Kind {
    /** The value is the deadline, in epoch milliseconds: changes stamped before it may edit. */
    LET("let."),
    /**
     * The value is {@code true}: the person's changes the revocation had not seen have no effect.
     */
    UNLET("unlet.");

    final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }
  }

  public String field() {
    return kind.prefix + person.hex() + "." + author.hex() + "." + seq;
  }

  /** The delegation a field of a delegation node records, if it is one. */
  public static Optional<Delegation> parse(String field) {
    for (Kind kind : Kind.values()) {
      if (!field.startsWith(kind.prefix)) {
        continue;
      }
      String rest = field.substring(kind.prefix.length());
      int hex = ActorId.LENGTH * 2;
      if (rest.length() < 2 * hex + 3
          || rest.charAt(hex) != '.'
          || rest.charAt(2 * hex + 1) != '.') {
        return Optional.empty();
      }
      String person = rest.substring(0, hex);
      String author = rest.substring(hex + 1, 2 * hex + 1);
      String seqText = rest.substring(2 * hex + 2);
      if (!isHex(person)
          || !isHex(author)
          || seqText.isEmpty()
          || seqText.length() > 18
          || !seqText.chars().allMatch(Character::isDigit)
          || (seqText.length() > 1 && seqText.charAt(0) == '0')) {
        return Optional.empty();
      }
      return Optional.of(
          new Delegation(
              kind, ActorId.parse(person), ActorId.parse(author), Long.parseLong(seqText)));
    }
    return Optional.empty();
  }

  private static boolean isHex(String s) {
    return s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }
}
