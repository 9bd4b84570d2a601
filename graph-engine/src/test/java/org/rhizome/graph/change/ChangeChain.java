package org.rhizome.graph.change;

import java.util.List;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.ChangeHash;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.model.WorkspaceId;

/** Test helper: one actor's chain of signed changes, made without a store. */
public final class ChangeChain {
  private final WorkspaceId workspace;
  private final DeviceKey key;
  private long seq;
  private ChangeHash prev = Change.NO_PREVIOUS;

  public ChangeChain(WorkspaceId workspace, DeviceKey key) {
    this.workspace = workspace;
    this.key = key;
  }

  public Change next(long hlc, VersionVector deps, List<Op> ops) {
    Change c =
        Change.sign(new ChangeDraft(workspace, key.actor(), seq + 1, prev, hlc, deps, ops), key);
    seq++;
    prev = c.hash();
    return c;
  }

  public Change next(long hlc, List<Op> ops) {
    return next(hlc, VersionVector.EMPTY, ops);
  }

  public DeviceKey key() {
    return key;
  }

  public long seq() {
    return seq;
  }
}
