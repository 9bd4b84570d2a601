package org.rhizome.graph.membership;

import java.util.Locale;
import java.util.Optional;

/** What an invite lets its holder become. */
public enum Grant {
  /** A new person: the joining device becomes its own person, a member of the workspace. */
  MEMBER,
  /**
   * Another device of the inviting person: it writes as that person (and may edit their protected
   * nodes).
   */
  DEVICE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Grant> fromWireName(String s) {
    for (Grant g : values()) {
      if (g.wireName().equals(s)) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }
}
