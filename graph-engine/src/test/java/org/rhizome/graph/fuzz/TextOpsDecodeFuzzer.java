package org.rhizome.graph.fuzz;

import java.util.List;
import org.rhizome.graph.text.MalformedTextException;
import org.rhizome.graph.text.TextOp;
import org.rhizome.graph.text.TextOpCodec;

/**
 * Text operations from a change: refused as malformed, or decoded to ops that encode back to
 * themselves.
 */
public final class TextOpsDecodeFuzzer {
  private TextOpsDecodeFuzzer() {}

  public static void fuzzerTestOneInput(byte[] data) {
    List<TextOp> ops;
    try {
      ops = TextOpCodec.decode(data);
    } catch (MalformedTextException expected) {
      return;
    }
    try {
      List<TextOp> again = TextOpCodec.decode(TextOpCodec.encode(ops));
      if (!again.equals(ops)) {
        throw new IllegalStateException("text ops do not survive encode/decode");
      }
    } catch (MalformedTextException e) {
      throw new IllegalStateException("re-encoded text ops refused", e);
    }
  }
}
