package org.rhizome.sync.transport.internal;

import org.rhizome.sync.transport.MuxedStream;

/** A stream whose agreed protocol the negotiator records. */
public interface NegotiableStream extends MuxedStream {
    void protocol(String agreed);
}
