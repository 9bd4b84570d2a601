package org.rhizome.ui.peers;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.membership.Member;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.sync.replication.SyncStatus;

/**
 * What the sync panel shows, read off the FX thread in one go.
 *
 * @param enabled the workspace's {@code sync.enabled} setting
 * @param running the sync's live status, when it runs
 * @param failure why the last start failed, in a plain sentence; null when it did not
 */
public record SyncSnapshot(
    MembershipMode mode,
    String workspaceName,
    List<Member> members,
    boolean enabled,
    boolean joinPending,
    boolean canWrite,
    Optional<SyncStatus> running,
    @Nullable String failure) {

  public SyncSnapshot {
    members = List.copyOf(members);
  }

  /** A personal (open) workspace: it has no members and cannot be shared. */
  public boolean isPersonal() {
    return mode == MembershipMode.OPEN;
  }
}
