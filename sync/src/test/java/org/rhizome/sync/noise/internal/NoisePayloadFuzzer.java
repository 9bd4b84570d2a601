package org.rhizome.sync.noise.internal;

import org.rhizome.sync.Libp2pException;

/**
 * The handshake payload a peer sends inside Noise (identity key, signature, extensions): decoded or
 * refused.
 */
public final class NoisePayloadFuzzer {
  private NoisePayloadFuzzer() {}

  public static void fuzzerTestOneInput(byte[] data) {
    try {
      NoisePayload.decode(data);
    } catch (Libp2pException expected) {
      // a typed refusal
    }
  }
}
