package org.rhizome.sync.transport;

/**
 * A stream whose agreed protocol the negotiator records: what a muxer (yamux) implements for the
 * transport.
 */
public interface NegotiableStream extends MuxedStream {
  void protocol(String agreed);
}
