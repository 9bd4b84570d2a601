package org.rhizome.sync.noise.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.ByteToMessageCodec;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.noise.NoiseException;

/**
 * Noise transport messages: each a 2-byte big-endian length and a ChaChaPoly ciphertext of at most
 * 65535 bytes, so at most 65519 bytes of plaintext each. Writes are gathered until the next flush
 * and then cut into as few frames as fit (many small yamux frames share one Noise frame, so one
 * AEAD operation and one tag). A frame that fails authentication closes the connection. Event-loop
 * confined.
 */
final class NoiseTransportCodec extends ByteToMessageCodec<ByteBuf> {
  static final int MAX_PLAINTEXT = NoiseHandshakeHandler.MAX_FRAME_LENGTH - CipherState.TAG_LENGTH;

  private final CipherState sender;
  private final CipherState receiver;
  private final byte[] inScratch = new byte[NoiseHandshakeHandler.MAX_FRAME_LENGTH];
  private final byte[] outScratch = new byte[NoiseHandshakeHandler.MAX_FRAME_LENGTH];
  private final byte[] plainScratch = new byte[NoiseHandshakeHandler.MAX_FRAME_LENGTH];
  private final List<ChannelPromise> pendingPromises = new ArrayList<>();
  private @Nullable CompositeByteBuf pending;

  NoiseTransportCodec(CipherState sender, CipherState receiver) {
    this.sender = sender;
    this.receiver = receiver;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
      throws Exception {
    if (!(msg instanceof ByteBuf b)) {
      super.write(ctx, msg, promise);
      return;
    }
    if (!b.isReadable()) {
      b.release();
      promise.setSuccess();
      return;
    }
    if (pending == null) {
      pending = ctx.alloc().compositeBuffer(1024);
    }
    pending.addComponent(true, b);
    if (!promise.isVoid()) {
      pendingPromises.add(promise);
    }
    if (pending.readableBytes() >= 4 * MAX_PLAINTEXT) {
      encryptPending(ctx);
    }
  }

  @Override
  public void flush(ChannelHandlerContext ctx) {
    encryptPending(ctx);
    ctx.flush();
  }

  private void encryptPending(ChannelHandlerContext ctx) {
    CompositeByteBuf plain = pending;
    if (plain == null) {
      return;
    }
    pending = null;
    List<ChannelPromise> promises = new ArrayList<>(pendingPromises);
    pendingPromises.clear();
    ByteBuf out;
    try {
      int len = plain.readableBytes();
      int frames = (len + MAX_PLAINTEXT - 1) / MAX_PLAINTEXT;
      out = ctx.alloc().ioBuffer(len + frames * (2 + CipherState.TAG_LENGTH));
      encode(ctx, plain, out);
    } finally {
      plain.release();
    }
    ChannelPromise written = ctx.newPromise();
    if (!promises.isEmpty()) {
      written.addListener(
          f -> {
            for (ChannelPromise p : promises) {
              if (f.isSuccess()) {
                p.trySuccess();
              } else {
                p.tryFailure(f.cause());
              }
            }
          });
    }
    ctx.write(out, written);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, ByteBuf msg, ByteBuf out) {
    while (msg.isReadable()) {
      int n = Math.min(MAX_PLAINTEXT, msg.readableBytes());
      msg.readBytes(plainScratch, 0, n);
      sender.encrypt(null, plainScratch, 0, n, outScratch, 0);
      out.writeShort(n + CipherState.TAG_LENGTH);
      out.writeBytes(outScratch, 0, n + CipherState.TAG_LENGTH);
    }
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) throws Exception {
    if (pending != null) {
      pending.release();
      pending = null;
    }
    for (ChannelPromise p : pendingPromises) {
      p.tryFailure(new NoiseException("Noise session ended before the write"));
    }
    pendingPromises.clear();
    super.handlerRemoved(ctx);
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
    encryptPending(ctx);
    ctx.flush();
    super.close(ctx, promise);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.readableBytes() >= 2) {
      int length = in.getUnsignedShort(in.readerIndex());
      if (in.readableBytes() < 2 + length) {
        return;
      }
      if (length < CipherState.TAG_LENGTH) {
        throw new NoiseException("Noise frame of " + length + " bytes is shorter than its tag");
      }
      in.skipBytes(2);
      in.readBytes(inScratch, 0, length);
      int n = receiver.decrypt(null, inScratch, 0, length, plainScratch);
      if (n > 0) {
        ByteBuf plain = ctx.alloc().buffer(n);
        plain.writeBytes(plainScratch, 0, n);
        out.add(plain);
      }
    }
  }
}
