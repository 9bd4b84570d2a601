package org.rhizome.graph.model;

import java.util.HexFormat;

/** A workspace's random 128-bit identity; every change names the workspace it belongs to. */
public final class WorkspaceId extends FixedBytes implements Comparable<WorkspaceId> {
  public static final int LENGTH = 16;

  private WorkspaceId(byte[] bytes) {
    super(bytes, LENGTH);
  }

  /**
   * @throws IllegalArgumentException unless {@code bytes} has exactly {@value #LENGTH} bytes
   */
  public static WorkspaceId of(byte[] bytes) {
    return new WorkspaceId(bytes);
  }

  /**
   * Parses the hex form printed by {@link #toString()}. @throws IllegalArgumentException if
   * malformed
   */
  public static WorkspaceId parse(String hex) {
    return of(HexFormat.of().parseHex(hex));
  }

  @Override
  public int compareTo(WorkspaceId o) {
    return compareBytes(o);
  }
}
