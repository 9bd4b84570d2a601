package org.rhizome.sync.yamux.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.transport.NegotiableStream;
import org.rhizome.sync.transport.StreamHandler;
import org.rhizome.sync.yamux.YamuxException;

/**
 * A yamux stream: its two flow-control windows, half-close state and queued writes. State is
 * confined to the session's event loop; the public methods hop onto it.
 */
final class YamuxStream implements NegotiableStream {
  private final YamuxSession session;
  private final int id;
  private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();

  /** One future per queued buffer, completed when that buffer has been fully sent. */
  private final ArrayDeque<CompletableFuture<Void>> sent = new ArrayDeque<>();

  private @Nullable StreamHandler handler;
  private @Nullable CompositeByteBuf early;
  private String protocol = "";
  private long sendWindow = YamuxSession.INITIAL_WINDOW;
  private long receiveWindow;
  private long unacknowledged;
  private volatile long queued;
  private boolean finPending;
  private boolean localClosed;
  private boolean remoteClosed;
  private boolean remoteClosePending;
  private boolean reset;
  private boolean needsFlag;
  private boolean drainScheduled;
  private final int firstFlag;

  YamuxStream(YamuxSession session, int id, long receiveWindow, int firstFlag) {
    this.session = session;
    this.id = id;
    this.receiveWindow = receiveWindow;
    this.firstFlag = firstFlag;
    this.needsFlag = true;
  }

  int id() {
    return id;
  }

  @Override
  public PeerId remotePeer() {
    return session.remotePeer();
  }

  @Override
  public org.rhizome.sync.peer.Multiaddr remoteAddress() {
    return session.remoteAddress();
  }

  @Override
  public String protocol() {
    return protocol;
  }

  @Override
  public void protocol(String agreed) {
    this.protocol = agreed;
  }

  @Override
  public EventLoop eventLoop() {
    return session.eventLoop();
  }

  @Override
  public long queuedBytes() {
    return queued;
  }

  @Override
  public CompletableFuture<Void> write(ByteBuf data) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!eventLoop().inEventLoop()) {
      eventLoop().execute(() -> enqueue(data, done));
    } else {
      enqueue(data, done);
    }
    return done;
  }

  private void enqueue(ByteBuf data, CompletableFuture<Void> done) {
    if (localClosed || finPending || reset) {
      data.release();
      done.completeExceptionally(new YamuxException("stream " + id + " is closed for writing"));
      return;
    }
    if (!data.isReadable()) {
      data.release();
      done.complete(null);
      return;
    }
    queued += data.readableBytes();
    queue.add(data);
    sent.add(done);
    // Drain once per event-loop turn, so a burst of small writes leaves as few, larger data frames.
    if (!drainScheduled) {
      drainScheduled = true;
      eventLoop()
          .execute(
              () -> {
                drainScheduled = false;
                drainQueue();
              });
    }
  }

  @Override
  public void closeWrite() {
    if (!eventLoop().inEventLoop()) {
      eventLoop().execute(this::closeWrite);
      return;
    }
    if (localClosed || reset) {
      return;
    }
    finPending = true;
    drainQueue();
  }

  @Override
  public void reset() {
    if (!eventLoop().inEventLoop()) {
      eventLoop().execute(this::reset);
      return;
    }
    if (reset) {
      return;
    }
    session.sendFrame(
        YamuxFrame.control(YamuxFrame.TYPE_WINDOW_UPDATE, flagsWith(YamuxFrame.FLAG_RST), id, 0));
    terminate();
  }

  @Override
  public void setHandler(StreamHandler newHandler) {
    if (!eventLoop().inEventLoop()) {
      eventLoop().execute(() -> setHandler(newHandler));
      return;
    }
    this.handler = newHandler;
    CompositeByteBuf pending = early;
    early = null;
    if (pending != null) {
      deliver(pending);
    }
    if (remoteClosePending) {
      remoteClosePending = false;
      newHandler.onRemoteClose(this);
    }
    if (reset) {
      newHandler.onReset(this);
    }
  }

  /**
   * Sends the first frame (SYN for ours, ACK for theirs), raising the window beyond the default.
   */
  void open(long extraWindow) {
    session.sendFrame(
        YamuxFrame.control(YamuxFrame.TYPE_WINDOW_UPDATE, flagsWith(0), id, extraWindow));
  }

  void onData(ByteBuf data) {
    int n = data.readableBytes();
    if (n > receiveWindow) {
      throw new YamuxException(
          "stream " + id + " received " + n + " bytes with a window of " + receiveWindow);
    }
    if (remoteClosed) {
      throw new YamuxException("stream " + id + " received data after FIN");
    }
    receiveWindow -= n;
    if (handler == null) {
      if (early == null) {
        early = data.alloc().compositeBuffer(64);
      }
      early.addComponent(true, data.retain());
      return;
    }
    deliver(data.retain());
  }

  private void deliver(ByteBuf data) {
    int n = data.readableBytes();
    StreamHandler h = handler;
    try {
      if (h != null && !reset) {
        h.onData(this, data);
      }
    } finally {
      data.release();
    }
    unacknowledged += n;
    if (!reset && !remoteClosed && unacknowledged >= session.receiveWindow() / 2) {
      receiveWindow += unacknowledged;
      session.sendFrame(
          YamuxFrame.control(YamuxFrame.TYPE_WINDOW_UPDATE, flagsWith(0), id, unacknowledged));
      unacknowledged = 0;
    }
  }

  void onWindowUpdate(long delta) {
    sendWindow += delta;
    if (sendWindow > YamuxSession.MAX_WINDOW_FROM_REMOTE) {
      throw new YamuxException(
          "stream " + id + " send window grew past " + YamuxSession.MAX_WINDOW_FROM_REMOTE);
    }
    drainQueue();
  }

  void onRemoteFin() {
    if (remoteClosed) {
      return;
    }
    remoteClosed = true;
    StreamHandler h = handler;
    if (h == null) {
      remoteClosePending = true;
    } else {
      h.onRemoteClose(this);
    }
    closeIfDone();
  }

  /** The remote reset the stream, or the session is gone. */
  void onRemoteReset() {
    terminate();
  }

  private void terminate() {
    if (reset) {
      return;
    }
    reset = true;
    for (ByteBuf b : queue) {
      b.release();
    }
    queue.clear();
    for (CompletableFuture<Void> f : sent) {
      f.completeExceptionally(new YamuxException("stream " + id + " was reset"));
    }
    sent.clear();
    queued = 0;
    if (early != null) {
      early.release();
      early = null;
    }
    session.forget(this);
    StreamHandler h = handler;
    if (h != null) {
      h.onReset(this);
    }
  }

  private void drainQueue() {
    while (!queue.isEmpty() && sendWindow > 0 && !reset) {
      int budget = (int) Math.min(sendWindow, YamuxSession.MAX_SEND_FRAME);
      CompositeByteBuf chunk = eventLoopAlloc().compositeBuffer(Math.min(queue.size(), 1024));
      java.util.List<CompletableFuture<Void>> done = new java.util.ArrayList<>();
      int n = 0;
      while (!queue.isEmpty() && n < budget) {
        ByteBuf head = queue.peek();
        int take = Math.min(head.readableBytes(), budget - n);
        chunk.addComponent(true, head.readRetainedSlice(take));
        n += take;
        if (!head.isReadable()) {
          queue.poll().release();
          done.add(sent.poll());
        }
      }
      sendWindow -= n;
      queued -= n;
      // FIN never rides on a data frame: js-libp2p's yamux (8.0.1, stream.js processFlags) closes
      // the
      // stream before taking the frame's data and then fails with "Cannot push data onto a stream
      // that is closed". It goes in a WindowUpdate after the data instead.
      session.sendFrame(new YamuxFrame(YamuxFrame.TYPE_DATA, flagsWith(0), id, n, chunk));
      for (CompletableFuture<Void> f : done) {
        f.complete(null);
      }
    }
    if (finPending && queue.isEmpty() && !reset) {
      finPending = false;
      localClosed = true;
      session.sendFrame(
          YamuxFrame.control(YamuxFrame.TYPE_WINDOW_UPDATE, flagsWith(YamuxFrame.FLAG_FIN), id, 0));
    }
    if (localClosed) {
      closeIfDone();
    }
  }

  private io.netty.buffer.ByteBufAllocator eventLoopAlloc() {
    return io.netty.buffer.PooledByteBufAllocator.DEFAULT;
  }

  private void closeIfDone() {
    if (localClosed && remoteClosed && !reset) {
      reset = true;
      session.forget(this);
    }
  }

  private int flagsWith(int flags) {
    if (needsFlag) {
      needsFlag = false;
      return flags | firstFlag;
    }
    return flags;
  }

  @Override
  public String toString() {
    return "yamux stream "
        + id
        + " to "
        + remotePeer()
        + (protocol.isEmpty() ? "" : " " + protocol);
  }
}
