package org.rhizome.sync.noise.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.rhizome.sync.noise.NoiseException;

/**
 * The libp2p {@code NoiseHandshakePayload} (specs/noise/README.md#the-libp2p-handshake-payload):
 * {@code 1 identity_key}, {@code 2 identity_sig}, {@code 4 extensions {2 stream_muxers}}. Unknown
 * fields (the retired {@code data}, WebTransport cert hashes) are skipped.
 */
record NoisePayload(byte[] identityKey, byte[] identitySig, List<String> streamMuxers) {
  static final String SIGNATURE_PREFIX = "noise-libp2p-static-key:";
  private static final int MAX_MUXERS = 16;

  NoisePayload {
    streamMuxers = List.copyOf(streamMuxers);
  }

  static byte[] signedBytes(byte[] staticPublicKey) {
    byte[] prefix = SIGNATURE_PREFIX.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[prefix.length + staticPublicKey.length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(staticPublicKey, 0, out, prefix.length, staticPublicKey.length);
    return out;
  }

  byte[] encode() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream o = CodedOutputStream.newInstance(bytes);
      o.writeBytes(1, ByteString.copyFrom(identityKey));
      o.writeBytes(2, ByteString.copyFrom(identitySig));
      if (!streamMuxers.isEmpty()) {
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        CodedOutputStream e = CodedOutputStream.newInstance(ext);
        for (String m : streamMuxers) {
          e.writeString(2, m);
        }
        e.flush();
        o.writeBytes(4, ByteString.copyFrom(ext.toByteArray()));
      }
      o.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @throws NoiseException if the payload does not decode or lacks the key or signature
   */
  static NoisePayload decode(byte[] bytes) {
    byte[] key = null;
    byte[] sig = null;
    List<String> muxers = new ArrayList<>();
    try {
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        switch (tag) {
          case 10 -> key = in.readByteArray();
          case 18 -> sig = in.readByteArray();
          case 34 -> decodeExtensions(in.readByteArray(), muxers);
          default -> in.skipField(tag);
        }
      }
    } catch (IOException e) {
      throw new NoiseException("Noise handshake payload does not decode: " + e.getMessage());
    }
    if (key == null || sig == null) {
      throw new NoiseException("Noise handshake payload lacks identity key or signature");
    }
    return new NoisePayload(key, sig, muxers);
  }

  private static void decodeExtensions(byte[] bytes, List<String> muxers) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == 18) {
        if (muxers.size() >= MAX_MUXERS) {
          throw new NoiseException("more than " + MAX_MUXERS + " stream muxers offered");
        }
        muxers.add(in.readStringRequireUtf8());
      } else {
        in.skipField(tag);
      }
    }
  }
}
