package org.rhizome.graph.membership;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rhizome.graph.model.ActorId;

/**
 * A person of a members-only workspace with their devices (decision 0007).
 *
 * @param person the key of the person's first device, which names the person
 * @param name the name of that first device
 * @param role what the person may do now; empty when removed (or when their invite gave no role)
 * @param removed whether an admin removed them
 * @param devices their devices, each with whether it was revoked
 */
public record Person(
    ActorId person, String name, Optional<Role> role, boolean removed, List<Device> devices) {
  public Person {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    devices = List.copyOf(devices);
  }

  /** A device of a person. */
  public record Device(Member member, boolean revoked) {}
}
