package org.rhizome.graph.fuzz;

import org.rhizome.graph.change.ChangeCodec;
import org.rhizome.graph.change.MalformedChangeException;

/** A peer's change bytes: decoded or refused as malformed, nothing else. */
public final class ChangeDecodeFuzzer {
  private ChangeDecodeFuzzer() {}

  public static void fuzzerTestOneInput(byte[] data) {
    try {
      ChangeCodec.decode(data);
    } catch (MalformedChangeException expected) {
      // a typed refusal
    }
  }
}
