package org.rhizome.graph.membership;

import java.util.Objects;
import org.rhizome.graph.model.ActorId;

/**
 * A device that may write to the workspace.
 *
 * @param device the device's key (the actor of its changes)
 * @param person the person it belongs to: the key of that person's first device
 * @param name the display name the device chose (may be empty)
 * @param founder whether this device created the workspace
 */
public record Member(ActorId device, ActorId person, String name, boolean founder) {
  public Member {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(name, "name");
  }

  /** A short, human-comparable form of the device key: 4 groups of 4 hex digits. */
  public String fingerprint() {
    return fingerprint(device);
  }

  public static String fingerprint(ActorId actor) {
    String hex = actor.hex();
    return hex.substring(0, 4)
        + "-"
        + hex.substring(4, 8)
        + "-"
        + hex.substring(8, 12)
        + "-"
        + hex.substring(12, 16);
  }
}
