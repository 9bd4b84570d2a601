package org.rhizome.sync.yamux.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.transport.MuxedStream;
import org.rhizome.sync.yamux.YamuxException;

/**
 * A yamux session over a secured connection (/yamux/1.0.0; hashicorp/yamux spec.md as libp2p uses
 * it). The dialer opens odd stream ids, the listener even ones. Streams start with a 256 KiB
 * window, which we raise to {@link #receiveWindow()} in our first frame and credit again each time
 * half of it has been handed to the stream's handler. Pings from the remote are answered; we send
 * our own keep-alive ping every 30 s and close a connection whose previous ping went unanswered.
 * Event-loop confined.
 */
public final class YamuxSession extends ChannelInboundHandlerAdapter {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(YamuxSession.class);
  public static final String PROTOCOL_ID = "/yamux/1.0.0";
  static final long INITIAL_WINDOW = 256 * 1024;

  /** js-libp2p's maximum window; the remote may not grant us more in total. */
  static final long MAX_WINDOW_FROM_REMOTE = 0xFFFF_FFFFL;

  static final int MAX_SEND_FRAME = 256 * 1024;
  static final int MAX_INBOUND_STREAMS = 1000;
  static final long KEEP_ALIVE_SECONDS = 30;

  /** Told about streams the remote opens and about the end of the session. */
  public interface Listener {
    void onInboundStream(MuxedStream stream);

    void onSessionClosed();
  }

  private final boolean client;
  private final PeerId remotePeer;
  private final org.rhizome.sync.peer.Multiaddr remoteAddress;
  private final long receiveWindow;
  private final Listener listener;
  private final Map<Integer, YamuxStream> streams = new HashMap<>();
  private @Nullable ChannelHandlerContext ctx;
  private int nextStreamId;
  private int inboundCount;
  private boolean goingAway;
  private boolean flushScheduled;
  private int pingOpaque;
  private boolean pingOutstanding;
  private @Nullable ScheduledFuture<?> keepAlive;

  /**
   * @param client true on the connection's dialer side
   * @param receiveWindow our per-stream receive window, 256 KiB to 16 MiB
   */
  public YamuxSession(
      boolean client,
      PeerId remotePeer,
      org.rhizome.sync.peer.Multiaddr remoteAddress,
      long receiveWindow,
      Listener listener) {
    if (receiveWindow < INITIAL_WINDOW || receiveWindow > 16L * 1024 * 1024) {
      throw new IllegalArgumentException("receive window " + receiveWindow);
    }
    this.client = client;
    this.remotePeer = remotePeer;
    this.remoteAddress = remoteAddress;
    this.receiveWindow = receiveWindow;
    this.listener = listener;
    this.nextStreamId = client ? 1 : 2;
  }

  /** Adds the frame decoder and this session after the handler named {@code after}. */
  public void install(io.netty.channel.ChannelPipeline pipeline, String after) {
    // No valid data frame can exceed the window we grant a stream, so nothing larger is ever
    // buffered.
    pipeline.addAfter(after, "yamux-decoder", new YamuxFrameDecoder(receiveWindow));
    pipeline.addAfter("yamux-decoder", "yamux", this);
  }

  PeerId remotePeer() {
    return remotePeer;
  }

  org.rhizome.sync.peer.Multiaddr remoteAddress() {
    return remoteAddress;
  }

  long receiveWindow() {
    return receiveWindow;
  }

  EventLoop eventLoop() {
    return context().channel().eventLoop();
  }

  private ChannelHandlerContext context() {
    ChannelHandlerContext c = ctx;
    if (c == null) {
      throw new IllegalStateException("session not installed");
    }
    return c;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    keepAlive =
        ctx.executor()
            .scheduleAtFixedRate(
                this::keepAlive, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
  }

  /** Opens a stream (SYN). Must run on the event loop. */
  public MuxedStream openStream() {
    if (!eventLoop().inEventLoop()) {
      throw new IllegalStateException("openStream off the event loop");
    }
    if (goingAway || !context().channel().isActive()) {
      throw new YamuxException("session to " + remotePeer + " is closing");
    }
    int id = nextStreamId;
    nextStreamId += 2;
    YamuxStream s = new YamuxStream(this, id, receiveWindow, YamuxFrame.FLAG_SYN);
    streams.put(id, s);
    s.open(receiveWindow - INITIAL_WINDOW);
    return s;
  }

  /** Ends the session politely (GoAway normal) and closes the connection. */
  public void close() {
    if (!eventLoop().inEventLoop()) {
      eventLoop().execute(this::close);
      return;
    }
    goAway(YamuxFrame.GO_AWAY_NORMAL);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof YamuxFrame frame)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      if (frame.streamId() == 0) {
        onSessionFrame(frame);
      } else {
        onStreamFrame(frame);
      }
    } finally {
      frame.data().release();
    }
  }

  private void onSessionFrame(YamuxFrame frame) {
    switch (frame.type()) {
      case YamuxFrame.TYPE_PING -> {
        if (frame.flags() == YamuxFrame.FLAG_SYN) {
          sendFrame(
              YamuxFrame.control(YamuxFrame.TYPE_PING, YamuxFrame.FLAG_ACK, 0, frame.length()));
        } else if (frame.flags() == YamuxFrame.FLAG_ACK) {
          if (frame.length() == (pingOpaque & 0xFFFF_FFFFL)) {
            pingOutstanding = false;
          }
        } else {
          throw new YamuxException("ping with flags " + frame.flags());
        }
      }
      case YamuxFrame.TYPE_GO_AWAY -> {
        LOG.debug("{} sent GoAway({})", remotePeer, frame.length());
        goingAway = true;
        context().close();
      }
      default -> throw new YamuxException("frame type " + frame.type() + " on stream 0");
    }
  }

  private void onStreamFrame(YamuxFrame frame) {
    int id = frame.streamId();
    YamuxStream s = streams.get(id);
    if (frame.has(YamuxFrame.FLAG_SYN)) {
      if (s != null) {
        throw new YamuxException("SYN for open stream " + id);
      }
      boolean remoteIsOdd = !client;
      if (((id & 1) == 1) != remoteIsOdd) {
        throw new YamuxException("remote opened stream " + id + " with our parity");
      }
      if (goingAway || inboundCount >= MAX_INBOUND_STREAMS) {
        sendFrame(YamuxFrame.control(YamuxFrame.TYPE_WINDOW_UPDATE, YamuxFrame.FLAG_RST, id, 0));
        return;
      }
      s = new YamuxStream(this, id, receiveWindow, YamuxFrame.FLAG_ACK);
      streams.put(id, s);
      inboundCount++;
      s.onWindowUpdate(frame.type() == YamuxFrame.TYPE_WINDOW_UPDATE ? frame.length() : 0);
      s.open(receiveWindow - INITIAL_WINDOW);
      listener.onInboundStream(s);
    } else if (s == null) {
      return;
    } else if (frame.type() == YamuxFrame.TYPE_WINDOW_UPDATE) {
      s.onWindowUpdate(frame.length());
    }
    if (frame.type() == YamuxFrame.TYPE_DATA && frame.length() > 0) {
      s.onData(frame.data());
    }
    if (frame.has(YamuxFrame.FLAG_RST)) {
      s.onRemoteReset();
    } else if (frame.has(YamuxFrame.FLAG_FIN)) {
      s.onRemoteFin();
    }
  }

  void forget(YamuxStream s) {
    if (streams.remove(s.id()) != null && (s.id() & 1) == (client ? 0 : 1)) {
      inboundCount--;
    }
  }

  void sendFrame(YamuxFrame frame) {
    ChannelHandlerContext c = context();
    ByteBuf header = c.alloc().buffer(YamuxFrame.HEADER_LENGTH);
    header.writeByte(YamuxFrame.VERSION);
    header.writeByte(frame.type());
    header.writeShort(frame.flags());
    header.writeInt(frame.streamId());
    header.writeInt((int) frame.length());
    if (frame.data().isReadable()) {
      c.write(c.alloc().compositeBuffer(2).addComponents(true, header, frame.data()));
    } else {
      c.write(header);
    }
    scheduleFlush();
  }

  private void scheduleFlush() {
    if (!flushScheduled) {
      flushScheduled = true;
      context()
          .executor()
          .execute(
              () -> {
                flushScheduled = false;
                context().flush();
              });
    }
  }

  private void keepAlive() {
    if (pingOutstanding) {
      context().close();
      return;
    }
    pingOutstanding = true;
    pingOpaque++;
    sendFrame(
        YamuxFrame.control(
            YamuxFrame.TYPE_PING, YamuxFrame.FLAG_SYN, 0, pingOpaque & 0xFFFF_FFFFL));
  }

  private void goAway(int code) {
    if (!goingAway) {
      goingAway = true;
      ChannelHandlerContext c = context();
      ByteBuf header = c.alloc().buffer(YamuxFrame.HEADER_LENGTH);
      header
          .writeByte(YamuxFrame.VERSION)
          .writeByte(YamuxFrame.TYPE_GO_AWAY)
          .writeShort(0)
          .writeInt(0)
          .writeInt(code);
      c.writeAndFlush(header).addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof org.rhizome.sync.ProtocolViolationException
        || cause.getCause() instanceof org.rhizome.sync.ProtocolViolationException) {
      goAway(YamuxFrame.GO_AWAY_PROTOCOL_ERROR);
    }
    ctx.fireExceptionCaught(cause);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (keepAlive != null) {
      keepAlive.cancel(false);
    }
    for (YamuxStream s : new ArrayList<>(streams.values())) {
      s.onRemoteReset();
    }
    streams.clear();
    listener.onSessionClosed();
    ctx.fireChannelInactive();
  }

  int streamCount() {
    return streams.size();
  }
}
