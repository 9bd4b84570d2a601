package org.rhizome.sync.peer;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The libp2p key protobuf both key kinds share ({@code message Key { KeyType Type = 1; bytes Data =
 * 2; }}), read strictly: any other field is refused. {@code type} is -1 and {@code data} null when
 * absent.
 */
record KeyEnvelope(int type, byte @Nullable [] data) {

  /**
   * @param what "public key" or "private key", for messages
   */
  static KeyEnvelope decode(byte[] encoded, String what) {
    int type = -1;
    byte[] data = null;
    try {
      CodedInputStream in = CodedInputStream.newInstance(encoded);
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        switch (tag) {
          case 8 -> type = in.readEnum();
          case 18 -> data = in.readByteArray();
          default -> throw new InvalidKeyException("unexpected field tag " + tag + " in " + what);
        }
      }
    } catch (IOException e) {
      throw new InvalidKeyException(what + " does not decode: " + e.getMessage());
    }
    return new KeyEnvelope(type, data);
  }
}
