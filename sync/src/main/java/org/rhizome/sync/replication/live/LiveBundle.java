package org.rhizome.sync.replication.live;

import java.util.ArrayList;
import java.util.List;
import org.rhizome.sync.varint.MalformedVarintException;
import org.rhizome.sync.varint.Varint;

/**
 * The data of one live message (GossipSub topic {@code .../changes/2}): one or more changes, each
 * an unsigned varint length then the change's canonical signed bytes, in an order they can be
 * applied in. A burst of commits travels as a few messages instead of one per change, so each
 * GossipSub signature, RPC frame and validation is paid once per bundle. Decoding is strict: no
 * empty bundle, no empty change, nothing cut short or trailing, at most {@link #MAX_CHANGES}.
 */
public final class LiveBundle {
  /** A bundle's size limit: GossipSub's default message limit (1 MiB). */
  public static final int MAX_BYTES = 1 << 20;

  /** At most this many changes in one bundle, however small (bounds one validation's work). */
  public static final int MAX_CHANGES = 2_000;

  private LiveBundle() {}

  /** The bytes a bundle of {@code change} alone would take (its length prefix included). */
  public static int sizeOf(byte[] change) {
    return Varint.size(change.length) + change.length;
  }

  /** Encodes {@code changes} (at least one; within {@link #MAX_BYTES} and {@link #MAX_CHANGES}). */
  public static byte[] encode(List<byte[]> changes) {
    if (changes.isEmpty() || changes.size() > MAX_CHANGES) {
      throw new IllegalArgumentException("a bundle holds 1 to " + MAX_CHANGES + " changes");
    }
    long size = 0;
    for (byte[] c : changes) {
      if (c.length == 0) {
        throw new IllegalArgumentException("an empty change");
      }
      size += sizeOf(c);
    }
    if (size > MAX_BYTES) {
      throw new IllegalArgumentException("a bundle of " + size + " bytes is over the limit");
    }
    byte[] out = new byte[(int) size];
    int at = 0;
    for (byte[] c : changes) {
      long v = c.length;
      while ((v & ~0x7FL) != 0) {
        out[at++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      out[at++] = (byte) v;
      System.arraycopy(c, 0, out, at, c.length);
      at += c.length;
    }
    return out;
  }

  /**
   * The changes a live message carries, in order.
   *
   * @throws MalformedLiveMessageException for anything but a well-formed bundle
   */
  public static List<byte[]> decode(byte[] data) {
    if (data.length == 0) {
      throw new MalformedLiveMessageException("an empty live message");
    }
    if (data.length > MAX_BYTES) {
      throw new MalformedLiveMessageException(
          "a live message of " + data.length + " bytes is over the limit");
    }
    List<byte[]> out = new ArrayList<>();
    int at = 0;
    while (at < data.length) {
      if (out.size() == MAX_CHANGES) {
        throw new MalformedLiveMessageException(
            "a live message holds more than " + MAX_CHANGES + " changes");
      }
      long[] prefix;
      try {
        prefix = Varint.decode(data, at);
      } catch (MalformedVarintException e) {
        throw new MalformedLiveMessageException(
            "a live message holds a malformed length: " + e.getMessage());
      }
      long length = prefix[0];
      at += (int) prefix[1];
      if (length == 0) {
        throw new MalformedLiveMessageException("a live message holds an empty change");
      }
      if (length > data.length - at) {
        throw new MalformedLiveMessageException(
            "a change of " + length + " bytes runs past the end of the live message");
      }
      byte[] change = new byte[(int) length];
      System.arraycopy(data, at, change, 0, change.length);
      at += change.length;
      out.add(change);
    }
    return out;
  }
}
