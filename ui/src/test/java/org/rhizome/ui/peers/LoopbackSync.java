package org.rhizome.ui.peers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.replication.ReplicaLock;
import org.rhizome.sync.replication.SyncConfig;
import org.rhizome.sync.replication.WorkspaceSync;
import org.rhizome.sync.replication.invite.SharedWorkspaces;
import org.rhizome.sync.replication.invite.WorkspaceSecret;

/**
 * The window's sync as the tests start it, in app's place: loopback only, no mDNS, quick redials
 * and pulls, and the replica lock at the path the test names (as app's launcher takes {@code
 * run/NAME.lock}).
 */
final class LoopbackSync implements SyncStarter {
  private final DeviceKey key;
  private final Function<Workspace, Path> lockFile;

  LoopbackSync(DeviceKey key, Function<Workspace, Path> lockFile) {
    this.key = key;
    this.lockFile = lockFile;
  }

  /** Locks {@code runDirectory/NAME.lock} for the workspace file {@code NAME.db}, like app. */
  static LoopbackSync lockingIn(DeviceKey key, Path runDirectory) {
    return new LoopbackSync(
        key,
        ws ->
            runDirectory.resolve(
                ws.file().getFileName().toString().replaceFirst("\\.db$", "") + ".lock"));
  }

  static SyncConfig config(WorkspaceSecret secret, List<Multiaddr> peers) {
    return SyncConfig.defaults(secret)
        .withListen(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")))
        .withPeers(peers)
        .withRedial(Duration.ofMillis(300))
        .withAntiEntropy(Duration.ofSeconds(2));
  }

  @Override
  public Optional<AutoCloseable> tryLock(Workspace workspace) throws IOException {
    return ReplicaLock.tryAcquire(lockFile.apply(workspace)).map(lock -> lock);
  }

  @Override
  public WorkspaceSync start(Workspace workspace, WorkspaceSecret secret)
      throws IOException, StoreException {
    return WorkspaceSync.start(workspace, key, config(secret, SharedWorkspaces.peers(workspace)));
  }
}
