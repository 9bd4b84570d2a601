package org.rhizome.graph.model;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable identifier made of a fixed number of bytes (a key, a hash, a random id), shown as
 * lower-case hex. Subclasses fix the length and the meaning; two values are equal only when they
 * are of the same class and hold the same bytes. Ordered by unsigned bytes.
 */
public abstract class FixedBytes {
  private final byte[] bytes;

  protected FixedBytes(byte[] bytes, int length) {
    if (bytes.length != length) {
      throw new IllegalArgumentException(
          getClass().getSimpleName() + " needs " + length + " bytes, got " + bytes.length);
    }
    this.bytes = bytes.clone();
  }

  public final byte[] toBytes() {
    return bytes.clone();
  }

  /** Writes the bytes into {@code out} at {@code offset} without an intermediate copy. */
  public final void copyTo(byte[] out, int offset) {
    System.arraycopy(bytes, 0, out, offset, bytes.length);
  }

  public final String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  protected final int compareBytes(FixedBytes other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && Arrays.equals(bytes, ((FixedBytes) o).bytes);
  }

  @Override
  public final int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
