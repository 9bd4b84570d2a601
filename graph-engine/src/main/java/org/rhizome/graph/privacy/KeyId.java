package org.rhizome.graph.privacy;

import java.security.SecureRandom;
import java.util.HexFormat;

/** The id of one note key: 16 random bytes, written as 32 lowercase hex digits. */
public record KeyId(String hex) {
  public static final int LENGTH = 16;

  public KeyId {
    if (!isValid(hex)) {
      throw new IllegalArgumentException("not a key id: " + hex);
    }
  }

  public static KeyId random(SecureRandom random) {
    byte[] b = new byte[LENGTH];
    random.nextBytes(b);
    return new KeyId(HexFormat.of().formatHex(b));
  }

  public static KeyId of(byte[] bytes) {
    return new KeyId(HexFormat.of().formatHex(bytes));
  }

  public static boolean isValid(String s) {
    if (s == null || s.length() != 2 * LENGTH) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  public byte[] bytes() {
    return HexFormat.of().parseHex(hex);
  }

  @Override
  public String toString() {
    return hex;
  }
}
