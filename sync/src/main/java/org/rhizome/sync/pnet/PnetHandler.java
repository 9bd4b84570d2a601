package org.rhizome.sync.pnet;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.security.SecureRandom;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.jspecify.annotations.Nullable;

/**
 * The private-network protector (specs/pnet/Private-Networks-PSK-V1.md): each side sends a random
 * 24-byte nonce first, then XORs everything it sends with XSalsa20(psk, its own nonce) and
 * everything it reads with XSalsa20(psk, the remote's nonce). It sits under multistream-select, so
 * a peer with another key produces garbage that the next layer refuses. Event-loop confined.
 */
public final class PnetHandler extends ChannelDuplexHandler {
  static final int NONCE_LENGTH = 24;

  private final byte[] psk;
  private final XSalsa20Engine out = new XSalsa20Engine();
  private final byte[] remoteNonce = new byte[NONCE_LENGTH];
  private final SecureRandom random;
  private @Nullable XSalsa20Engine in;
  private int remoteNonceRead;
  private boolean started;

  public PnetHandler(PreSharedKey key, SecureRandom random) {
    this.psk = key.bytes();
    this.random = random;
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
    if (started) {
      return;
    }
    started = true;
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(nonce);
    out.init(true, new ParametersWithIV(new KeyParameter(psk), nonce));
    ctx.writeAndFlush(ctx.alloc().buffer(NONCE_LENGTH).writeBytes(nonce));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf buf)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      if (in == null) {
        int n = Math.min(NONCE_LENGTH - remoteNonceRead, buf.readableBytes());
        buf.readBytes(remoteNonce, remoteNonceRead, n);
        remoteNonceRead += n;
        if (remoteNonceRead < NONCE_LENGTH) {
          return;
        }
        XSalsa20Engine engine = new XSalsa20Engine();
        engine.init(false, new ParametersWithIV(new KeyParameter(psk), remoteNonce));
        in = engine;
      }
      if (buf.isReadable()) {
        ctx.fireChannelRead(xor(ctx, in, buf));
      }
    } finally {
      buf.release();
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof ByteBuf buf) {
      try {
        ctx.write(xor(ctx, out, buf), promise);
      } finally {
        buf.release();
      }
    } else {
      ctx.write(msg, promise);
    }
  }

  private static ByteBuf xor(ChannelHandlerContext ctx, XSalsa20Engine engine, ByteBuf buf) {
    int n = buf.readableBytes();
    byte[] plain = new byte[n];
    buf.readBytes(plain);
    byte[] result = new byte[n];
    engine.processBytes(plain, 0, n, result, 0);
    return ctx.alloc().buffer(n).writeBytes(result);
  }
}
