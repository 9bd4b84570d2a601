package org.rhizome.sync.fuzz;

import java.util.List;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.sync.replication.catchup.MalformedSyncMessageException;
import org.rhizome.sync.replication.catchup.SyncCodec;
import org.rhizome.sync.replication.catchup.SyncMessage;

/** A catch-up message from a peer: decoded or refused as malformed. */
public final class SyncMessageFuzzer {
  private SyncMessageFuzzer() {}

  public static List<byte[]> seeds() {
    return List.of(
        SyncCodec.encode(new SyncMessage.Pull(VersionVector.of(java.util.Map.of()), 4, 1 << 20)),
        SyncCodec.encode(new SyncMessage.Batch(3, List.of(new byte[] {1, 2, 3}, new byte[70]))),
        SyncCodec.encode(new SyncMessage.Ack(3)),
        SyncCodec.encode(new SyncMessage.End(12)),
        SyncCodec.encode(new SyncMessage.Abort("busy")));
  }

  public static void fuzzerTestOneInput(byte[] data) {
    try {
      SyncCodec.decode(data);
    } catch (MalformedSyncMessageException expected) {
      // a typed refusal
    }
  }
}
