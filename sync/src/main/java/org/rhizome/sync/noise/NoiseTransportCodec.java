package org.rhizome.sync.noise;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.ByteToMessageCodec;
import java.util.List;

/**
 * Noise transport messages: each a 2-byte big-endian length and a ChaChaPoly ciphertext of at most
 * 65535 bytes, so at most 65519 bytes of plaintext each. Outbound buffers are cut to fit; a frame that
 * fails authentication closes the connection. Event-loop confined.
 */
public final class NoiseTransportCodec extends ByteToMessageCodec<ByteBuf> {
    static final int MAX_PLAINTEXT = NoiseHandshakeHandler.MAX_FRAME_LENGTH - CipherState.TAG_LENGTH;

    private final CipherState sender;
    private final CipherState receiver;
    private final byte[] inScratch = new byte[NoiseHandshakeHandler.MAX_FRAME_LENGTH];
    private final byte[] outScratch = new byte[NoiseHandshakeHandler.MAX_FRAME_LENGTH];
    private final byte[] plainScratch = new byte[NoiseHandshakeHandler.MAX_FRAME_LENGTH];

    NoiseTransportCodec(CipherState sender, CipherState receiver) {
        this.sender = sender;
        this.receiver = receiver;
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
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof ByteBuf b && !b.isReadable()) {
            b.release();
            promise.setSuccess();
            return;
        }
        super.write(ctx, msg, promise);
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
