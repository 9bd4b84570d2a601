package org.rhizome.sync.yamux.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.rhizome.sync.FrameTooLongException;
import org.rhizome.sync.yamux.YamuxException;

/**
 * Decodes yamux frames, refusing an unknown version or type and any Data frame longer than {@code
 * maxDataLength} before reading its body (the session further checks it against the window it
 * granted). Event-loop confined.
 */
final class YamuxFrameDecoder extends ByteToMessageDecoder {
  private final long maxDataLength;

  YamuxFrameDecoder(long maxDataLength) {
    this.maxDataLength = maxDataLength;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.readableBytes() >= YamuxFrame.HEADER_LENGTH) {
      int start = in.readerIndex();
      int version = in.getUnsignedByte(start);
      int type = in.getUnsignedByte(start + 1);
      if (version != YamuxFrame.VERSION) {
        throw new YamuxException("unsupported yamux version " + version);
      }
      if (type > YamuxFrame.TYPE_GO_AWAY) {
        throw new YamuxException("unknown yamux frame type " + type);
      }
      int flags = in.getUnsignedShort(start + 2);
      int streamId = in.getInt(start + 4);
      long length = in.getUnsignedInt(start + 8);
      if (type == YamuxFrame.TYPE_DATA) {
        if (length > maxDataLength) {
          throw new FrameTooLongException("yamux data frame", length, maxDataLength);
        }
        if (in.readableBytes() < YamuxFrame.HEADER_LENGTH + length) {
          return;
        }
        in.skipBytes(YamuxFrame.HEADER_LENGTH);
        out.add(new YamuxFrame(type, flags, streamId, length, in.readRetainedSlice((int) length)));
      } else {
        in.skipBytes(YamuxFrame.HEADER_LENGTH);
        out.add(YamuxFrame.control(type, flags, streamId, length));
      }
    }
  }
}
