package org.rhizome.graph.fuzz;

import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.encoding.DecodeException;
import org.rhizome.graph.model.Value;

/**
 * A field value from a change: refused as malformed, or decoded to a value that encodes back to
 * itself.
 */
public final class ValueDecodeFuzzer {
  private ValueDecodeFuzzer() {}

  public static void fuzzerTestOneInput(byte[] data) {
    Value value;
    try {
      value = ValueCodec.decode(data);
    } catch (DecodeException expected) {
      return;
    }
    try {
      Value again = ValueCodec.decode(ValueCodec.encode(value));
      if (!again.equals(value)) {
        throw new IllegalStateException(
            "value does not survive encode/decode: " + value + " became " + again);
      }
    } catch (DecodeException e) {
      throw new IllegalStateException("re-encoded value refused: " + value, e);
    }
  }
}
