package org.rhizome.sync.transport;

import io.netty.buffer.ByteBuf;

/**
 * Receives what arrives on one muxed stream. Called on the connection's event loop, so it must not
 * block; hand work to an executor. The buffer passed to {@link #onData} is released after the call:
 * retain it to keep it.
 */
public interface StreamHandler {
  void onData(MuxedStream stream, ByteBuf data);

  /** The remote closed its write side (FIN); we may still write. */
  default void onRemoteClose(MuxedStream stream) {}

  /** The stream was reset or its connection closed; nothing more arrives or leaves. */
  default void onReset(MuxedStream stream) {}
}
