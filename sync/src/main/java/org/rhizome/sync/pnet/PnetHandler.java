package org.rhizome.sync.pnet;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.jspecify.annotations.Nullable;

/**
 * The private-network protector (specs/pnet/Private-Networks-PSK-V1.md): each side sends a random
 * 24-byte nonce first, then XORs everything it sends with XSalsa20(psk, its own nonce) and
 * everything it reads with XSalsa20(psk, the remote's nonce). It sits under multistream-select, so
 * a peer with another key produces garbage that the next layer refuses. Event-loop confined.
 *
 * <p>A listener may know several keys (decision 0009: the network key rotates when someone is
 * removed, and a member that has not heard of it yet still dials with the one before). It then
 * reads the remote's nonce and its first bytes, which are multistream-select's header (known
 * plaintext), and keeps the key under which they read as that header; what it sends meanwhile
 * waits. With one key it behaves exactly as the spec says (and as js-libp2p does).
 */
public final class PnetHandler extends ChannelDuplexHandler {
  static final int NONCE_LENGTH = 24;

  /** What every libp2p connection starts with: varint 19, "/multistream/1.0.0\n". */
  static final byte[] HEADER = ("\u0013/multistream/1.0.0\n").getBytes(StandardCharsets.US_ASCII);

  private byte[] psk;
  private final List<PreSharedKey> candidates;
  private final byte[] probe = new byte[HEADER.length];
  private int probed;
  private final ArrayDeque<Object[]> held = new ArrayDeque<>();
  private byte @Nullable [] ownNonce;
  private final XSalsa20Engine out = new XSalsa20Engine();
  private final byte[] remoteNonce = new byte[NONCE_LENGTH];
  private final SecureRandom random;
  private @Nullable XSalsa20Engine in;
  private int remoteNonceRead;
  private boolean started;

  public PnetHandler(PreSharedKey key, SecureRandom random) {
    this.psk = key.bytes();
    this.candidates = List.of(key);
    this.random = random;
  }

  /**
   * A listener's protector that accepts any of {@code keys} (the current one first): the one the
   * remote dialled with is found from the first bytes it sends.
   */
  public PnetHandler(List<PreSharedKey> keys, SecureRandom random) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no network key");
    }
    this.candidates = List.copyOf(keys);
    this.psk = keys.get(0).bytes();
    this.random = random;
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    for (Object[] w : held) {
      io.netty.util.ReferenceCountUtil.release(w[0]);
      ((ChannelPromise) w[1]).tryFailure(new java.io.IOException("connection closed"));
    }
    held.clear();
    super.channelInactive(ctx);
  }

  private boolean choosing() {
    return candidates.size() > 1 && in == null;
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
    ownNonce = nonce;
    if (candidates.size() == 1) {
      out.init(true, new ParametersWithIV(new KeyParameter(psk), nonce));
    }
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
        if (candidates.size() > 1) {
          int m = Math.min(HEADER.length - probed, buf.readableBytes());
          buf.readBytes(probe, probed, m);
          probed += m;
          if (probed < HEADER.length) {
            return;
          }
          choose(ctx);
          if (!ctx.channel().isOpen()) {
            return;
          }
        } else {
          XSalsa20Engine engine = new XSalsa20Engine();
          engine.init(false, new ParametersWithIV(new KeyParameter(psk), remoteNonce));
          in = engine;
        }
      }
      if (buf.isReadable()) {
        ctx.fireChannelRead(xor(ctx, in, buf));
      }
    } finally {
      buf.release();
    }
  }

  /**
   * Picks the key under which the remote's first bytes read as multistream's header, hands the
   * header on, and sends what waited; closes the connection when no key does.
   */
  private void choose(ChannelHandlerContext ctx) {
    for (PreSharedKey key : candidates) {
      byte[] k = key.bytes();
      XSalsa20Engine engine = new XSalsa20Engine();
      engine.init(false, new ParametersWithIV(new KeyParameter(k), remoteNonce));
      byte[] plain = new byte[HEADER.length];
      engine.processBytes(probe, 0, probe.length, plain, 0);
      if (Arrays.equals(plain, HEADER)) {
        psk = k;
        in = engine;
        out.init(true, new ParametersWithIV(new KeyParameter(psk), ownNonce));
        ctx.fireChannelRead(ctx.alloc().buffer(plain.length).writeBytes(plain));
        while (!held.isEmpty()) {
          Object[] w = held.poll();
          write(ctx, w[0], (ChannelPromise) w[1]);
        }
        ctx.flush();
        return;
      }
    }
    for (Object[] w : held) {
      io.netty.util.ReferenceCountUtil.release(w[0]);
      ((ChannelPromise) w[1]).tryFailure(new java.io.IOException("no known network key"));
    }
    held.clear();
    ctx.close(); // dialled with a key this replica does not accept (a removed device's, 0009)
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (choosing() && msg instanceof ByteBuf) {
      held.add(new Object[] {msg, promise});
      return;
    }
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
