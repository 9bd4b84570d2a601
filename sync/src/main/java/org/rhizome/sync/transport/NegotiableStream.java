package org.rhizome.sync.transport;

/** A stream whose agreed protocol the negotiator records. */
public interface NegotiableStream extends MuxedStream {
    void protocol(String agreed);
}
