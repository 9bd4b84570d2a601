package org.rhizome.sync.identify;

import org.rhizome.sync.Libp2pException;

/** An identify (or identify/push) protobuf from a peer: decoded or refused. */
public final class IdentifyFuzzer {
  private IdentifyFuzzer() {}

  public static void fuzzerTestOneInput(byte[] data) {
    try {
      IdentifyCodec.decodeOver(null, data);
    } catch (Libp2pException expected) {
      // a typed refusal
    }
  }
}
