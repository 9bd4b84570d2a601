package org.rhizome.ui.peers;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.rhizome.sync.replication.invite.Invite;

/**
 * What the panel asks the app to do with workspaces other than the open one: found a new shared
 * workspace, create the replica an invite joins, or open another workspace of this device, in a
 * window of its own. Implementations do the file work off the FX thread; the futures may complete
 * on any thread and fail with a plain message.
 */
public interface SharedWorkspaceActions {
  CompletableFuture<?> createShared(String workspaceName, String memberName);

  CompletableFuture<?> join(Invite invite, String memberName);

  /** The workspace files on this device other than {@code current}, by name. */
  CompletableFuture<List<Path>> otherWorkspaces(Path current);

  /** Opens a workspace file of this device in its window (or brings that window to the front). */
  CompletableFuture<?> open(Path workspaceFile);
}
