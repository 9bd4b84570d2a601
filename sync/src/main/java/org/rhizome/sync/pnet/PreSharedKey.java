package org.rhizome.sync.pnet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A private-network key (specs/pnet/Private-Networks-PSK-V1.md): a 32-byte secret, stored as three
 * lines {@code /key/swarm/psk/1.0.0/}, {@code /base16/}, 64 hex digits. Immutable.
 */
public final class PreSharedKey {
  public static final String HEADER = "/key/swarm/psk/1.0.0/";
  static final int LENGTH = 32;
  private final byte[] key;

  private PreSharedKey(byte[] key) {
    this.key = key;
  }

  public static PreSharedKey of(byte[] key) {
    if (key.length != LENGTH) {
      throw new IllegalArgumentException("a PSK has 32 bytes, not " + key.length);
    }
    return new PreSharedKey(key.clone());
  }

  /**
   * Parses a key file's text; line breaks may be LF, CRLF or CR.
   *
   * @throws IllegalArgumentException if the header, encoding or key is wrong (only base16 is
   *     supported, as in js-libp2p)
   */
  public static PreSharedKey parse(String text) {
    String[] lines = text.strip().split("\r\n|\r|\n");
    if (lines.length != 3) {
      throw new IllegalArgumentException("a PSK file has 3 lines, not " + lines.length);
    }
    if (!lines[0].strip().equals(HEADER)) {
      throw new IllegalArgumentException("PSK file does not start with " + HEADER);
    }
    if (!lines[1].strip().equals("/base16/")) {
      throw new IllegalArgumentException("only /base16/ PSK files are supported");
    }
    String hex = lines[2].strip();
    if (!hex.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException("PSK must be 64 hex digits");
    }
    return new PreSharedKey(HexFormat.of().parseHex(hex));
  }

  public String format() {
    return HEADER + "\n/base16/\n" + HexFormat.of().formatHex(key) + "\n";
  }

  byte[] bytes() {
    return key.clone();
  }

  public byte[] toFileBytes() {
    return format().getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PreSharedKey p && Arrays.equals(key, p.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "PreSharedKey[redacted]";
  }
}
