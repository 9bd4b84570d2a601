package org.rhizome.graph;

import java.util.Arrays;
import org.rhizome.graph.encoding.Hex;

/** A device's identity: its Ed25519 public key. Every change names the actor that signed it. */
public final class ActorId implements Comparable<ActorId> {
  public static final int LENGTH = 32;
  private final byte[] bytes;

  private ActorId(byte[] bytes) {
    this.bytes = bytes;
  }

  /** @throws IllegalArgumentException unless {@code bytes} has exactly {@value #LENGTH} bytes */
  public static ActorId of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("ActorId needs " + LENGTH + " bytes, got " + bytes.length);
    }
    return new ActorId(bytes.clone());
  }

  /** Parses the hex form printed by {@link #toString()}. @throws IllegalArgumentException if malformed */
  public static ActorId parse(String hex) {
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
    return o instanceof ActorId other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(ActorId o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
