package org.rhizome.graph.model;

import java.util.HexFormat;

/** A device's identity: its Ed25519 public key. Every change names the actor that signed it. */
public final class ActorId extends FixedBytes implements Comparable<ActorId> {
  public static final int LENGTH = 32;

  private ActorId(byte[] bytes) {
    super(bytes, LENGTH);
  }

  /**
   * @throws IllegalArgumentException unless {@code bytes} has exactly {@value #LENGTH} bytes
   */
  public static ActorId of(byte[] bytes) {
    return new ActorId(bytes);
  }

  /**
   * Parses the hex form printed by {@link #toString()}. @throws IllegalArgumentException if
   * malformed
   */
  public static ActorId parse(String hex) {
    return of(HexFormat.of().parseHex(hex));
  }

  @Override
  public int compareTo(ActorId o) {
    return compareBytes(o);
  }
}
