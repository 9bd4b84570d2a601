package org.rhizome.graph.model;

import java.util.HexFormat;

/** The SHA-256 hash of a change's full canonical bytes, signature included. */
public final class ChangeHash extends FixedBytes implements Comparable<ChangeHash> {
  public static final int LENGTH = 32;

  private ChangeHash(byte[] bytes) {
    super(bytes, LENGTH);
  }

  /**
   * @throws IllegalArgumentException unless {@code bytes} has exactly {@value #LENGTH} bytes
   */
  public static ChangeHash of(byte[] bytes) {
    return new ChangeHash(bytes);
  }

  /**
   * Parses the hex form printed by {@link #toString()}. @throws IllegalArgumentException if
   * malformed
   */
  public static ChangeHash parse(String hex) {
    return of(HexFormat.of().parseHex(hex));
  }

  @Override
  public int compareTo(ChangeHash o) {
    return compareBytes(o);
  }
}
