package org.rhizome.app.cli.sync;

import java.io.PrintWriter;
import java.time.Instant;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.replication.SyncListener;
import org.rhizome.sync.replication.catchup.PullSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sync events as one line each, to stderr (for whoever watches a {@code serve}) and to the log.
 * Live changes are many, so they go to the log at debug level only. Thread-safe.
 */
final class SyncEventLog implements SyncListener {
  private final PrintWriter err;
  private final Logger log = LoggerFactory.getLogger(SyncEventLog.class);
  private final Runnable onPeersChanged;

  SyncEventLog(PrintWriter err, Runnable onPeersChanged) {
    this.err = err;
    this.onPeersChanged = onPeersChanged;
  }

  void say(String line) {
    log.info(line);
    synchronized (err) {
      err.println(Instant.now() + " " + line);
      err.flush();
    }
  }

  @Override
  public void onPeerConnected(PeerId peer, Multiaddr address) {
    say("connected " + peer + " " + address);
    onPeersChanged.run();
  }

  @Override
  public void onPeerDisconnected(PeerId peer) {
    say("disconnected " + peer);
    onPeersChanged.run();
  }

  @Override
  public void onPulled(PeerId peer, PullSummary summary, long millis) {
    if (summary.received() > 0) {
      say(
          "pulled "
              + summary.received()
              + " changes from "
              + peer
              + " in "
              + millis
              + " ms ("
              + summary.applied()
              + " new, "
              + summary.refused()
              + " refused)");
    }
  }

  @Override
  public void onPullFailed(PeerId peer, String reason) {
    say("pull from " + peer + " failed: " + reason);
  }

  @Override
  public void onRefused(PeerId peer, ApplyResult result) {
    say("refused a change from " + peer + ": " + result.reason() + " " + result.detail());
  }

  @Override
  public void onLiveApplied(PeerId from, int changes) {
    log.debug("applied {} live changes from {}", changes, from);
  }

  @Override
  public void onJoined() {
    say("joined: this device is now a member");
  }

  @Override
  public void onJoinFailed(String reason) {
    say("cannot join: " + reason);
  }
}
