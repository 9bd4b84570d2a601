package org.rhizome.sync.replication.catchup;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.rhizome.graph.Replica;
import org.rhizome.sync.host.Host;
import org.rhizome.sync.peer.PeerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving side of catch-up on a host: answers peers' pulls from the workspace's log, a few per
 * peer at once.
 */
public final class PullService {
  private static final Logger log = LoggerFactory.getLogger(PullService.class);

  /** Catch-up streams served to one peer at once. */
  public static final int MAX_SERVED_PULLS_PER_PEER = 2;

  private PullService() {}

  /** Registers the catch-up protocol on {@code host}; log reads run on {@code disk}. */
  public static void serve(Host host, Replica workspace, Executor disk) {
    Map<PeerId, AtomicInteger> serving = new ConcurrentHashMap<>();
    host.handle(
        CatchUpProtocol.ID,
        stream -> {
          AtomicInteger mine =
              serving.computeIfAbsent(stream.remotePeer(), p -> new AtomicInteger());
          if (mine.incrementAndGet() > MAX_SERVED_PULLS_PER_PEER) {
            // An honest peer runs one pull at a time; more at once only load our disk.
            mine.decrementAndGet();
            stream.reset();
            return CatchUpStream.refused();
          }
          CatchUpStream s = CatchUpStream.serving(stream, workspace, disk);
          s.result().whenComplete((summary, error) -> mine.decrementAndGet());
          s.result()
              .whenComplete(
                  (summary, error) -> {
                    if (error != null) {
                      log.debug(
                          "serving a catch-up to {} ended: {}",
                          stream.remotePeer(),
                          error.getMessage());
                    } else if (summary.received() > 0) {
                      log.info("sent {} changes to {}", summary.received(), stream.remotePeer());
                    }
                  });
          return s;
        });
  }
}
