package org.rhizome.sync.replication.catchup;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.rhizome.graph.Replica;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.sync.Libp2pException;
import org.rhizome.sync.ProtocolViolationException;
import org.rhizome.sync.replication.apply.IsolatingApply;
import org.rhizome.sync.transport.LengthPrefixedFrames;
import org.rhizome.sync.transport.MuxedStream;
import org.rhizome.sync.transport.StreamHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one catch-up state machine over one muxed stream: frames in → messages → machine; actions
 * out → writes, log reads (on the disk executor), engine applies. Every call into the machine runs
 * on the stream's event loop; reads and applies complete back onto it.
 */
final class CatchUpStream implements StreamHandler {
  private static final Logger log = LoggerFactory.getLogger(CatchUpStream.class);

  private final MuxedStream stream;
  private final LengthPrefixedFrames frames;
  private final PullServer server;
  private final PullClient client;
  private final ChangeSource source;
  private final Replica workspace;
  private final Executor disk;
  private final CompletableFuture<PullSummary> result = new CompletableFuture<>();

  /** Set on the event loop once the frame buffer is (about to be) released. */
  private boolean released;

  /** Completes once the last batch's results have been reported (they are reported in order). */
  private CompletableFuture<?> applyTail = CompletableFuture.completedFuture(null);

  /** Receives, per applied batch, the changes that were new here (the puller relays a few live). */
  private final java.util.function.Consumer<List<byte[]>> newlyApplied;

  /**
   * Receives, per applied batch, the changes refused for good (not those deferred for a missing
   * dependency).
   */
  private final java.util.function.Consumer<List<ApplyResult>> refusedSink;

  private CatchUpStream(
      MuxedStream stream,
      PullServer server,
      PullClient client,
      Replica workspace,
      Executor disk,
      java.util.function.Consumer<List<byte[]>> newlyApplied,
      java.util.function.Consumer<List<ApplyResult>> refusedSink) {
    this.newlyApplied = newlyApplied;
    this.refusedSink = refusedSink;
    this.stream = stream;
    this.frames =
        new LengthPrefixedFrames(ByteBufAllocator.DEFAULT, CatchUpProtocol.MAX_MESSAGE_BYTES);
    this.server = server;
    this.client = client;
    this.workspace = workspace;
    this.source = new ChangeSource(workspace);
    this.disk = disk;
  }

  static CatchUpStream serving(MuxedStream stream, Replica workspace, Executor disk) {
    return new CatchUpStream(
        stream, new PullServer(), null, workspace, disk, changes -> {}, results -> {});
  }

  /**
   * A handler for a stream refused (and reset) before any message: it ignores whatever still comes.
   */
  static StreamHandler refused() {
    return new StreamHandler() {
      @Override
      public void onData(MuxedStream s, io.netty.buffer.ByteBuf data) {}
    };
  }

  static CatchUpStream pulling(
      MuxedStream stream,
      PullClient client,
      Replica workspace,
      Executor disk,
      java.util.function.Consumer<List<byte[]>> newlyApplied,
      java.util.function.Consumer<List<ApplyResult>> refusedSink) {
    CatchUpStream s =
        new CatchUpStream(stream, null, client, workspace, disk, newlyApplied, refusedSink);
    s.run(client.start());
    return s;
  }

  CompletableFuture<PullSummary> result() {
    return result;
  }

  @Override
  public void onData(MuxedStream s, ByteBuf data) {
    if (released) {
      return; // the exchange is over; late acks and the like are dropped
    }
    try {
      frames.add(
          data,
          frame -> {
            byte[] bytes = new byte[frame.readableBytes()];
            frame.readBytes(bytes);
            SyncMessage message = SyncCodec.decode(bytes);
            run(server != null ? server.onMessage(message) : client.onMessage(message));
          });
    } catch (ProtocolViolationException e) {
      // The machine stops (its own close actions are moot); the stream fails as the peer's fault.
      if (server != null) {
        server.onClosed();
      } else {
        client.onClosed();
      }
      run(List.of(new CatchUpAction.Fail(e.getMessage(), true)));
    }
  }

  @Override
  public void onRemoteClose(MuxedStream s) {
    // A server closes after its end (the client still applies what it got); a client after its last
    // ack.
    if (server != null) {
      run(server.onClosed());
    } else {
      run(client.onRemoteClosed());
    }
  }

  @Override
  public void onReset(MuxedStream s) {
    released = true;
    frames.release();
    run(server != null ? server.onClosed() : client.onClosed());
  }

  private void run(List<CatchUpAction> actions) {
    for (CatchUpAction action : actions) {
      if (action instanceof CatchUpAction.Send send) {
        stream.write(
            LengthPrefixedFrames.frame(
                PooledByteBufAllocator.DEFAULT, SyncCodec.encode(send.message())));
      } else if (action instanceof CatchUpAction.Read read) {
        disk.execute(
            () -> {
              try {
                ChangeSource.Chunk chunk =
                    source.read(read.have(), read.after(), read.maxChanges(), read.maxBytes());
                stream
                    .eventLoop()
                    .execute(
                        () ->
                            run(
                                server.onRead(
                                    chunk.changes(), chunk.lastPosition(), chunk.more())));
              } catch (Exception e) {
                log.warn("catch-up: reading the log for {} failed", stream.remotePeer(), e);
                stream
                    .eventLoop()
                    .execute(() -> run(server.onReadFailed(String.valueOf(e.getMessage()))));
              }
            });
      } else if (action instanceof CatchUpAction.Apply apply) {
        // Offered to the engine at once: it checks this batch's signatures on its verifier
        // threads while its writer stores the batches before (it writes in the order offered).
        // The results are reported to the machine in batch order.
        CompletableFuture<List<ApplyResult>> applying = startApply(apply.changes());
        applyTail =
            applyTail
                .handle((ignored, e) -> null)
                .thenCompose(ignored -> applying)
                .whenComplete(
                    (results, error) ->
                        stream
                            .eventLoop()
                            .execute(
                                () -> {
                                  if (error != null) {
                                    log.warn(
                                        "catch-up: storing changes from {} failed",
                                        stream.remotePeer(),
                                        error);
                                    run(client.onApplyFailed(String.valueOf(error.getMessage())));
                                  } else {
                                    List<ApplyResult> list = results;
                                    List<byte[]> fresh = new java.util.ArrayList<>();
                                    List<ApplyResult> refused = new java.util.ArrayList<>();
                                    for (int i = 0; i < list.size(); i++) {
                                      if (list.get(i).status() == ApplyResult.Status.APPLIED) {
                                        fresh.add(apply.changes().get(i));
                                      } else if (list.get(i).isRefused()
                                          && !IsolatingApply.deferred(list.get(i))) {
                                        refused.add(list.get(i));
                                      }
                                    }
                                    if (!fresh.isEmpty()) {
                                      newlyApplied.accept(fresh);
                                    }
                                    if (!refused.isEmpty()) {
                                      refusedSink.accept(refused);
                                    }
                                    run(client.onApplied(apply.batch(), list));
                                  }
                                }));
      } else if (action instanceof CatchUpAction.Finish finish) {
        stream.closeWrite();
        releaseLater();
        result.complete(finish.summary());
      } else if (action instanceof CatchUpAction.Fail fail) {
        // Close rather than reset, so an abort queued just before still reaches the peer.
        stream.closeWrite();
        releaseLater();
        result.completeExceptionally(
            fail.peerAtFault()
                ? new ProtocolViolationException(fail.reason())
                : new Libp2pException(fail.reason()));
      }
    }
  }

  private CompletableFuture<List<ApplyResult>> startApply(List<byte[]> changes) {
    try {
      return IsolatingApply.apply(workspace, changes);
    } catch (RuntimeException e) { // e.g. the workspace closed under us
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Releases the frame buffer after the current event (we may be inside its own loop). */
  private void releaseLater() {
    released = true;
    stream.eventLoop().execute(frames::release);
  }
}
