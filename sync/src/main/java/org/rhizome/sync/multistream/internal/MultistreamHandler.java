package org.rhizome.sync.multistream.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.function.BiConsumer;
import org.rhizome.sync.ProtocolViolationException;

/**
 * Connection-level multistream-select (for the security protocol, and the muxer when it was not
 * chosen inside Noise). When a protocol is agreed, calls {@code onSelected}, which must add the
 * next handler right after this one; this handler then removes itself and the bytes it read past
 * the negotiation go on to that next handler. Event-loop confined.
 */
public final class MultistreamHandler extends ByteToMessageDecoder {
  private final Negotiation negotiation;
  private final BiConsumer<ChannelHandlerContext, String> onSelected;
  private boolean started;

  public MultistreamHandler(
      Negotiation negotiation, BiConsumer<ChannelHandlerContext, String> onSelected) {
    this.negotiation = negotiation;
    this.onSelected = onSelected;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      start(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    start(ctx);
    super.channelActive(ctx);
  }

  private void start(ChannelHandlerContext ctx) {
    if (!started) {
      started = true;
      flushOutbox(ctx);
    }
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (negotiation.selected() == null) {
      String message = MultistreamCodec.read(in);
      if (message == null) {
        return;
      }
      negotiation.receive(message);
      flushOutbox(ctx);
    }
    String protocol = negotiation.selected();
    if (protocol == null) {
      throw new ProtocolViolationException("no protocol");
    }
    onSelected.accept(ctx, protocol);
    ctx.pipeline().remove(this);
  }

  private void flushOutbox(ChannelHandlerContext ctx) {
    ByteBuf bytes = NegotiationWriter.drain(negotiation, ctx.alloc());
    if (bytes.isReadable()) {
      ctx.writeAndFlush(bytes);
    } else {
      bytes.release();
    }
  }
}
