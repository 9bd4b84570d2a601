package org.rhizome.sync.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import java.util.function.Consumer;
import org.rhizome.sync.FrameTooLongException;
import org.rhizome.sync.varint.Varint;

/**
 * Splits a stream's bytes into unsigned-varint length-prefixed messages (as identify and gossipsub
 * frame them), refusing a length over {@code maxLength} before buffering its body. Not thread-safe;
 * owned by one stream handler. Call {@link #release()} when the stream ends.
 */
public final class LengthPrefixedFrames {
  private final int maxLength;
  private final CompositeByteBuf buffer;

  public LengthPrefixedFrames(ByteBufAllocator alloc, int maxLength) {
    this.maxLength = maxLength;
    this.buffer = alloc.compositeBuffer(1024);
  }

  /**
   * Adds {@code data} (retained here, the caller keeps its reference) and passes each complete
   * message to {@code sink}, which must not keep it past the call.
   *
   * @throws FrameTooLongException if a length prefix exceeds the limit
   */
  public void add(ByteBuf data, Consumer<ByteBuf> sink) {
    buffer.addComponent(true, data.retain());
    while (buffer.isReadable()) {
      int start = buffer.readerIndex();
      long length = Varint.read(buffer, 5);
      if (length == Varint.INCOMPLETE) {
        break;
      }
      if (length > maxLength) {
        throw new FrameTooLongException("length-prefixed message", length, maxLength);
      }
      if (buffer.readableBytes() < length) {
        buffer.readerIndex(start);
        break;
      }
      ByteBuf message = buffer.readSlice((int) length);
      sink.accept(message);
    }
    buffer.discardReadComponents();
  }

  public int buffered() {
    return buffer.readableBytes();
  }

  public void release() {
    if (buffer.refCnt() > 0) {
      buffer.release();
    }
  }

  /**
   * {@code varint(length) ‖ message}, wrapping {@code message} without copying it (it must not
   * change).
   */
  public static ByteBuf frame(ByteBufAllocator alloc, byte[] message) {
    return io.netty.buffer.Unpooled.wrappedBuffer(Varint.encode(message.length), message);
  }
}
