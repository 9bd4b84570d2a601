package org.rhizome.sync.replication.catchup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.rhizome.graph.Replica;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.sync.host.Host;
import org.rhizome.sync.peer.PeerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pulling side of catch-up on a host: at most one pull per peer at a time (a request while one
 * runs makes it run once more after), an incomplete pull retried a few times, and every pull's end
 * reported to the {@link Observer}. Thread-safe; pulls start on the disk executor.
 */
public final class Pulls {
  private static final Logger log = LoggerFactory.getLogger(Pulls.class);
  private static final int MAX_PULL_RETRIES = 3;

  /**
   * A second pull once both sides have settled: the peer may have been catching up from others as
   * we connected.
   */
  private static final long SETTLE_PULL_MILLIS = 3_000;

  /** What the pulls report; called on sync threads, return quickly. */
  public interface Observer {
    void pulled(PeerId peer, PullSummary summary, long millis);

    void pullFailed(PeerId peer, String reason);

    /** A pulled change refused for good (not one deferred for a missing dependency). */
    void refusedPulled(PeerId peer, ApplyResult result);

    /** Changes a pull brought that were new here (a few are relayed live). */
    void newlyApplied(List<byte[]> changes);
  }

  private static final class PullState {
    boolean running;
    boolean again;
    int retries;
  }

  private final Replica workspace;
  private final Host host;
  private final ExecutorService disk;
  private final ScheduledExecutorService scheduler;
  private final int window;
  private final int batchBytes;
  private final Observer observer;
  private final Map<PeerId, PullState> pulls = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** Pulls run on {@code disk}; {@code scheduler} times the second pull after a connection. */
  public Pulls(
      Replica workspace,
      Host host,
      ExecutorService disk,
      ScheduledExecutorService scheduler,
      int window,
      int batchBytes,
      Observer observer) {
    this.workspace = workspace;
    this.host = host;
    this.disk = disk;
    this.scheduler = scheduler;
    this.window = window;
    this.batchBytes = batchBytes;
    this.observer = observer;
  }

  /** Pulls what {@code peer} has and we lack; coalesces with a pull already running. */
  public void request(PeerId peer) {
    if (closed) {
      return;
    }
    PullState state = pulls.computeIfAbsent(peer, p -> new PullState());
    synchronized (state) {
      if (state.running) {
        state.again = true;
        return;
      }
      state.running = true;
      state.again = false;
    }
    disk.execute(() -> run(peer, state));
  }

  /**
   * A peer connected: pull now, and once more when both sides have settled — what the peer pulls
   * from others as we connect is relayed only to the peers it knew of then.
   */
  public void onConnected(PeerId peer) {
    request(peer);
    scheduler.schedule(
        () -> {
          if (host.connectedPeers().contains(peer)) {
            request(peer);
          }
        },
        SETTLE_PULL_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  /** Requests a pull from every connected peer (anti-entropy). */
  public void requestFromAll() {
    for (PeerId p : host.connectedPeers()) {
      request(p);
    }
  }

  /**
   * Pulls from every connected peer now; completes when all have finished (successfully or not).
   */
  public CompletableFuture<Void> fromAllNow() {
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (PeerId p : host.connectedPeers()) {
      all.add(once(p).handle((s, e) -> null));
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
  }

  public void close() {
    closed = true;
  }

  private void run(PeerId peer, PullState state) {
    long started = System.nanoTime();
    once(peer)
        .whenComplete(
            (summary, error) -> {
              boolean again;
              synchronized (state) {
                state.running = false;
                if (error == null && summary.incomplete() && state.retries < MAX_PULL_RETRIES) {
                  state.retries++;
                  state.again = true;
                } else if (error == null) {
                  state.retries = 0;
                }
                again = state.again;
              }
              long millis = (System.nanoTime() - started) / 1_000_000;
              if (error != null) {
                Throwable cause =
                    error instanceof CompletionException && error.getCause() != null
                        ? error.getCause()
                        : error;
                log.debug("pull from {} failed: {}", peer, cause.getMessage());
                observer.pullFailed(peer, String.valueOf(cause.getMessage()));
              } else {
                if (summary.received() > 0) {
                  log.info(
                      "pulled {} changes from {} in {} ms ({} new, {} refused, {} deferred)",
                      summary.received(),
                      peer,
                      millis,
                      summary.applied(),
                      summary.refused(),
                      summary.deferred());
                }
                observer.pulled(peer, summary, millis);
              }
              if (again && !closed) {
                request(peer);
              }
            });
  }

  private CompletableFuture<PullSummary> once(PeerId peer) {
    PullClient client;
    try {
      client = new PullClient(workspace.versionVector(), window, batchBytes);
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
    AtomicReference<CatchUpStream> running = new AtomicReference<>();
    return host.openStream(
            peer,
            List.of(CatchUpProtocol.ID),
            stream -> {
              CatchUpStream s =
                  CatchUpStream.pulling(
                      stream,
                      client,
                      workspace,
                      disk,
                      observer::newlyApplied,
                      refused -> refused.forEach(r -> observer.refusedPulled(peer, r)));
              running.set(s);
              return s;
            })
        .thenCompose(stream -> running.get().result())
        .orTimeout(10, TimeUnit.MINUTES);
  }
}
