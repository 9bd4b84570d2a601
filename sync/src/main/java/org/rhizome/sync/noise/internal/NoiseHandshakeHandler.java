package org.rhizome.sync.noise.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.noise.NoiseException;
import org.rhizome.sync.noise.PeerIdMismatchException;
import org.rhizome.sync.peer.InvalidKeyException;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.peer.PrivateKey;
import org.rhizome.sync.peer.PublicKey;

/**
 * Runs the libp2p Noise XX handshake on a connection (specs/noise/README.md), then replaces itself
 * with a {@link NoiseTransportCodec} and reports the {@link SecureSession}. Every handshake message
 * is framed with a 2-byte big-endian length. Event-loop confined.
 */
public final class NoiseHandshakeHandler extends ByteToMessageDecoder {
  /** The Noise protocol id negotiated with multistream-select. */
  public static final String PROTOCOL_ID = "/noise";

  static final int MAX_FRAME_LENGTH = 65535;

  private final boolean initiator;
  private final PrivateKey identity;
  private final @Nullable PeerId expectedRemote;
  private final List<String> ourMuxers;
  private final HandshakeState handshake;
  private final BiConsumer<ChannelHandlerContext, SecureSession> onSecured;
  private @Nullable SecureSession session;
  private boolean started;

  /**
   * @param staticKey our X25519 static private key (32 bytes), one per host
   * @param expectedRemote the peer we dialed, when the address named one; checked against the proof
   * @param ourMuxers muxers offered for early negotiation; empty to negotiate with
   *     multistream-select
   */
  public NoiseHandshakeHandler(
      boolean initiator,
      PrivateKey identity,
      byte[] staticKey,
      @Nullable PeerId expectedRemote,
      List<String> ourMuxers,
      SecureRandom random,
      BiConsumer<ChannelHandlerContext, SecureSession> onSecured) {
    this.initiator = initiator;
    this.identity = identity;
    this.expectedRemote = expectedRemote;
    this.ourMuxers = List.copyOf(ourMuxers);
    this.handshake = new HandshakeState(initiator, staticKey, random);
    this.onSecured = onSecured;
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
      if (initiator) {
        send(ctx, handshake.writeMessage(new byte[0]));
      }
    }
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (session == null && in.readableBytes() >= 2) {
      int length = in.getUnsignedShort(in.readerIndex());
      if (in.readableBytes() < 2 + length) {
        return;
      }
      in.skipBytes(2);
      byte[] message = new byte[length];
      in.readBytes(message);
      receive(ctx, message);
    }
  }

  private void receive(ChannelHandlerContext ctx, byte[] message) {
    byte[] payload = handshake.readMessage(message);
    if (!initiator && !handshake.isComplete()) {
      if (payload.length != 0) {
        throw new NoiseException("first Noise message must have an empty payload");
      }
      send(ctx, handshake.writeMessage(ourPayload()));
      return;
    }
    SecureSession remote = verify(NoisePayload.decode(payload));
    if (initiator) {
      send(ctx, handshake.writeMessage(ourPayload()));
    }
    session = remote;
    CipherState[] ciphers = handshake.split();
    ctx.pipeline().addAfter(ctx.name(), "noise", new NoiseTransportCodec(ciphers[0], ciphers[1]));
    onSecured.accept(ctx, remote);
    ctx.pipeline().remove(this);
  }

  private byte[] ourPayload() {
    byte[] sig = identity.sign(NoisePayload.signedBytes(handshake.staticPublicKey()));
    return new NoisePayload(identity.publicKey().marshal(), sig, ourMuxers).encode();
  }

  private SecureSession verify(NoisePayload payload) {
    PublicKey key;
    try {
      key = PublicKey.unmarshal(payload.identityKey());
    } catch (InvalidKeyException e) {
      throw new NoiseException("remote identity key: " + e.getMessage(), e);
    }
    if (!key.verify(NoisePayload.signedBytes(handshake.remoteStaticKey()), payload.identitySig())) {
      throw new NoiseException("remote identity signature does not cover its Noise static key");
    }
    PeerId remote = key.toPeerId();
    if (expectedRemote != null && !expectedRemote.equals(remote)) {
      throw new PeerIdMismatchException(expectedRemote, remote);
    }
    return new SecureSession(remote, key, payload.streamMuxers());
  }

  private static void send(ChannelHandlerContext ctx, byte[] message) {
    if (message.length > MAX_FRAME_LENGTH) {
      throw new IllegalStateException("handshake message too long");
    }
    ByteBuf out = ctx.alloc().buffer(2 + message.length);
    out.writeShort(message.length);
    out.writeBytes(message);
    ctx.writeAndFlush(out);
  }
}
