package org.rhizome.sync.gossip.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.transport.LengthPrefixedFrames;
import org.rhizome.sync.transport.MuxedStream;
import org.rhizome.sync.transport.StreamHandler;

/** A stream that records the RPCs written to it, for driving the router without sockets. */
final class FakeStream implements MuxedStream {
  private static final EventLoop LOOP = new DefaultEventLoop();
  private final PeerId remote;
  private final String protocol;
  private final List<Rpc> written = new ArrayList<>();
  private final LengthPrefixedFrames frames =
      new LengthPrefixedFrames(PooledByteBufAllocator.DEFAULT, 4 << 20);

  FakeStream(PeerId remote, String protocol) {
    this.remote = remote;
    this.protocol = protocol;
  }

  synchronized List<Rpc> written() {
    return List.copyOf(written);
  }

  synchronized void clear() {
    written.clear();
  }

  @Override
  public PeerId remotePeer() {
    return remote;
  }

  @Override
  public Multiaddr remoteAddress() {
    return Multiaddr.parse("/ip4/127.0.0.1/tcp/1");
  }

  @Override
  public String protocol() {
    return protocol;
  }

  @Override
  public synchronized java.util.concurrent.CompletableFuture<Void> write(ByteBuf data) {
    frames.add(data, f -> written.add(RpcCodec.decode(ByteBufUtil.getBytes(f))));
    data.release();
    return java.util.concurrent.CompletableFuture.completedFuture(null);
  }

  @Override
  public void closeWrite() {}

  @Override
  public void reset() {}

  @Override
  public void setHandler(StreamHandler handler) {}

  @Override
  public long queuedBytes() {
    return 0;
  }

  @Override
  public EventLoop eventLoop() {
    return LOOP;
  }
}
