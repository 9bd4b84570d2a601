package org.rhizome.graph;

import java.util.Arrays;
import org.rhizome.graph.encoding.Hex;

/** The SHA-256 hash of a change's full canonical bytes, signature included. */
public final class ChangeHash implements Comparable<ChangeHash> {
  public static final int LENGTH = 32;
  private final byte[] bytes;

  private ChangeHash(byte[] bytes) {
    this.bytes = bytes;
  }

  /** @throws IllegalArgumentException unless {@code bytes} has exactly {@value #LENGTH} bytes */
  public static ChangeHash of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("ChangeHash needs " + LENGTH + " bytes, got " + bytes.length);
    }
    return new ChangeHash(bytes.clone());
  }

  /** Parses the hex form printed by {@link #toString()}. @throws IllegalArgumentException if malformed */
  public static ChangeHash parse(String hex) {
    return of(Hex.decode(hex));
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  /** Writes the bytes into {@code out} at {@code offset} without copying twice. */
  public void copyTo(byte[] out, int offset) {
    System.arraycopy(bytes, 0, out, offset, LENGTH);
  }

  public String hex() {
    return Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChangeHash other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(ChangeHash o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
