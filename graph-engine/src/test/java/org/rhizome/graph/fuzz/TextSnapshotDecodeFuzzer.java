package org.rhizome.graph.fuzz;

import org.rhizome.graph.text.MalformedTextException;
import org.rhizome.graph.text.TextDocument;
import org.rhizome.graph.text.TextSnapshotCodec;

/**
 * A stored text snapshot (read back from a file that may be damaged): refused as malformed, or a
 * document whose text can be read.
 */
public final class TextSnapshotDecodeFuzzer {
  private TextSnapshotDecodeFuzzer() {}

  public static void fuzzerTestOneInput(byte[] data) {
    try {
      TextDocument doc = TextSnapshotCodec.decode(data);
      doc.text();
    } catch (MalformedTextException expected) {
      // a typed refusal
    }
  }
}
