package org.rhizome.ui.peers;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.membership.Member;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.membership.Person;
import org.rhizome.graph.membership.Role;
import org.rhizome.graph.model.ActorId;
import org.rhizome.sync.replication.SyncStatus;

/**
 * What the sync panel shows, read off the FX thread in one go.
 *
 * @param enabled the workspace's {@code sync.enabled} setting
 * @param running the sync's live status, when it runs
 * @param failure why the last start failed, in a plain sentence; null when it did not
 * @param people the people with their roles and devices (empty for a personal workspace)
 * @param self this device
 * @param myRole this device's role now: empty when it is not a member in good standing
 * @param refusals the changes this replica refused for good, newest first (the sync log)
 */
public record SyncSnapshot(
    MembershipMode mode,
    String workspaceName,
    List<Member> members,
    boolean enabled,
    boolean joinPending,
    boolean canWrite,
    Optional<SyncStatus> running,
    @Nullable String failure,
    List<Person> people,
    ActorId self,
    Optional<Role> myRole,
    List<RefusalRow> refusals) {

  public SyncSnapshot {
    members = List.copyOf(members);
    people = List.copyOf(people);
    refusals = List.copyOf(refusals);
  }

  /** A personal (open) workspace: it has no members and cannot be shared. */
  public boolean isPersonal() {
    return mode == MembershipMode.OPEN;
  }

  public boolean isAdmin() {
    return !isPersonal() && myRole.orElse(null) == Role.ADMIN;
  }

  /** The person this device belongs to (itself when it is no member). */
  public ActorId myPerson() {
    for (Member m : members) {
      if (m.device().equals(self)) {
        return m.person();
      }
    }
    return self;
  }

  /**
   * How many people other than {@code person} are admins in good standing: not removed, admin, with
   * a device that is not revoked (the engine's last-admin guard says the same).
   */
  public int otherAdmins(ActorId person) {
    int n = 0;
    for (Person p : people) {
      if (!p.person().equals(person)
          && !p.removed()
          && p.role().orElse(null) == Role.ADMIN
          && p.devices().stream().anyMatch(d -> !d.revoked())) {
        n++;
      }
    }
    return n;
  }
}
