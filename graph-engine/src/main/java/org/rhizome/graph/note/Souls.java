package org.rhizome.graph.note;

import java.util.Random;
import org.rhizome.graph.model.Soul;

/**
 * New souls: 26 characters of Crockford base32 holding 48 bits of creation time and 80 random bits
 * (the ULID layout), so souls sort by creation and never collide in practice.
 */
public final class Souls {
  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

  private Souls() {}

  public static Soul newSoul(long millis, Random random) {
    char[] out = new char[26];
    long time = millis;
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (time & 31)];
      time >>>= 5;
    }
    for (int i = 10; i < 26; i++) {
      out[i] = ALPHABET[random.nextInt(32)];
    }
    return new Soul(new String(out));
  }
}
