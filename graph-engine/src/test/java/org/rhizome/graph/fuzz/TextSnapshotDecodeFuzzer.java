package org.rhizome.graph.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.rhizome.graph.text.MalformedTextException;
import org.rhizome.graph.text.TextDocument;
import org.rhizome.graph.text.TextSnapshotCodec;

/**
 * A stored text snapshot (read back from a file that may be damaged): refused as malformed, or a
 * document whose text can be read. The same bytes are also read as a store keeps a note's text: a
 * u16 length, a snapshot without its text (sealed or not) and the stored text after it.
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
    if (data.length < 2) {
      return;
    }
    int n = Math.min(((data[0] & 0xff) << 8) | (data[1] & 0xff), data.length - 2);
    byte[] snapshot = Arrays.copyOfRange(data, 2, 2 + n);
    byte[] stored = Arrays.copyOfRange(data, 2 + n, data.length);
    try {
      TextSnapshotCodec.checkSeal(snapshot, stored);
    } catch (MalformedTextException expected) {
      // a damaged pair
    }
    try {
      // Decoded whatever the seal says, so mutated pairs reach the decoder too.
      TextSnapshotCodec.decodeWithText(snapshot, new String(stored, StandardCharsets.UTF_8)).text();
    } catch (MalformedTextException expected) {
      // a typed refusal
    }
  }

  /** A stored pair as the fuzzer reads it: u16 length, the snapshot, the text. */
  static byte[] storedPair(byte[] snapshot, byte[] stored) {
    byte[] out = new byte[2 + snapshot.length + stored.length];
    out[0] = (byte) (snapshot.length >>> 8);
    out[1] = (byte) snapshot.length;
    System.arraycopy(snapshot, 0, out, 2, snapshot.length);
    System.arraycopy(stored, 0, out, 2 + snapshot.length, stored.length);
    return out;
  }
}
