package org.rhizome.graph.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Optional;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.membership.Role;
import org.rhizome.graph.model.ActorId;

/**
 * Who has which role now, as a replica's facts say (decision 0007): for listings and for this
 * device's own checks before it signs anything. A snapshot read on one connection; not thread-safe.
 */
public final class MemberRoles {
  private final RoleView view;

  private MemberRoles(RoleView view) {
    this.view = view;
  }

  public static MemberRoles read(Connection c) throws SQLException, StoreException {
    return new MemberRoles(RoleView.build(new FieldTable(c), new ChangeLog(c), new HashMap<>()));
  }

  /** The role a device's next change would have: empty when it has none (removed, revoked). */
  public Optional<Role> role(ActorId device) throws SQLException {
    return view.currentRole(device);
  }

  /** Whether a person was removed. */
  public boolean removed(ActorId person) {
    return view.removed(person);
  }

  /**
   * Whom the owner of the protected note {@code note} lets edit it (decision 0011): each person
   * with the deadline in epoch ms; revoked ones are left out, past deadlines kept.
   */
  public java.util.Map<ActorId, Long> editorsOf(org.rhizome.graph.model.Soul note) {
    return view.editorsOf(note);
  }

  /** Whether a device was revoked. */
  public boolean revoked(ActorId device) {
    return !view.revocationsOf(device).isEmpty();
  }
}
