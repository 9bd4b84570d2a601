package org.rhizome.sync.yamux.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * One yamux frame (github.com/hashicorp/yamux spec.md, libp2p /yamux/1.0.0): a 12-byte header
 * (version, type, flags, stream id, length) and, for Data frames, {@code length} bytes. For
 * WindowUpdate the length is the delta, for Ping the opaque value, for GoAway the error code.
 */
record YamuxFrame(int type, int flags, int streamId, long length, ByteBuf data) {
  static final int HEADER_LENGTH = 12;
  static final int VERSION = 0;
  static final int TYPE_DATA = 0;
  static final int TYPE_WINDOW_UPDATE = 1;
  static final int TYPE_PING = 2;
  static final int TYPE_GO_AWAY = 3;
  static final int FLAG_SYN = 1;
  static final int FLAG_ACK = 2;
  static final int FLAG_FIN = 4;
  static final int FLAG_RST = 8;
  static final int GO_AWAY_NORMAL = 0;
  static final int GO_AWAY_PROTOCOL_ERROR = 1;
  static final int GO_AWAY_INTERNAL_ERROR = 2;

  static YamuxFrame control(int type, int flags, int streamId, long length) {
    return new YamuxFrame(type, flags, streamId, length, Unpooled.EMPTY_BUFFER);
  }

  boolean has(int flag) {
    return (flags & flag) != 0;
  }
}
