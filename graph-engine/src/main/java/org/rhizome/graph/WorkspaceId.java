package org.rhizome.graph;

import java.util.Arrays;
import org.rhizome.graph.encoding.Hex;

/** A workspace's random 128-bit identity; every change names the workspace it belongs to. */
public final class WorkspaceId implements Comparable<WorkspaceId> {
  public static final int LENGTH = 16;
  private final byte[] bytes;

  private WorkspaceId(byte[] bytes) {
    this.bytes = bytes;
  }

  /** @throws IllegalArgumentException unless {@code bytes} has exactly {@value #LENGTH} bytes */
  public static WorkspaceId of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("WorkspaceId needs " + LENGTH + " bytes, got " + bytes.length);
    }
    return new WorkspaceId(bytes.clone());
  }

  /** Parses the hex form printed by {@link #toString()}. @throws IllegalArgumentException if malformed */
  public static WorkspaceId parse(String hex) {
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
    return o instanceof WorkspaceId other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(WorkspaceId o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
