package org.rhizome.graph.membership;

import java.util.Locale;
import java.util.Optional;

/**
 * What a person may do in a members-only workspace (decision 0007). Every device of a person has
 * the person's role. Ordered: each role may do what the roles before it may.
 */
public enum Role {
  /** Reads everything; writes nothing but its own devices' names. */
  READER,
  /** Writes notes; invites further devices of its own person; revokes its own devices. */
  WRITER,
  /** Also invites new people, changes roles and removes people. The founder is the first. */
  ADMIN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromWireName(String s) {
    for (Role r : values()) {
      if (r.wireName().equals(s)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }
}
