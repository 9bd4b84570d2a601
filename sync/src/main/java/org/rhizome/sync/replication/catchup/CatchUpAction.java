package org.rhizome.sync.replication.catchup;

import java.util.List;
import org.rhizome.graph.model.VersionVector;

/** What a catch-up state machine asks its driver to do. */
public sealed interface CatchUpAction {
  /** Write this message to the stream. */
  record Send(SyncMessage message) implements CatchUpAction {}

  /**
   * (Server) read up to {@code maxChanges} / about {@code maxBytes} of what {@code have} lacks,
   * after log position {@code after}.
   */
  record Read(VersionVector have, long after, int maxChanges, int maxBytes)
      implements CatchUpAction {}

  /**
   * (Client) offer these changes to the engine, after every earlier batch; report with {@link
   * PullClient#onApplied}.
   */
  record Apply(long batch, List<byte[]> changes) implements CatchUpAction {}

  /** The exchange is over: close our side of the stream. */
  record Finish(PullSummary summary) implements CatchUpAction {}

  /**
   * The exchange failed: reset the stream. {@code peerAtFault} when the peer broke the protocol.
   */
  record Fail(String reason, boolean peerAtFault) implements CatchUpAction {}
}
