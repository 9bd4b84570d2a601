package org.rhizome.ui.sync;

import java.util.concurrent.CompletableFuture;
import org.rhizome.sync.replication.Invite;

/**
 * What the panel asks the app to do with workspaces other than the open one: found a new shared
 * workspace, or create the replica an invite joins, and open it. Implementations do the file work
 * off the FX thread; the futures may complete on any thread and fail with a plain message.
 */
public interface SharedWorkspaceActions {
  CompletableFuture<?> createShared(String workspaceName, String memberName);

  CompletableFuture<?> join(Invite invite, String memberName);
}
