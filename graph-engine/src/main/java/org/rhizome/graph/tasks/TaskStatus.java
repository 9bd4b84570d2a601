package org.rhizome.graph.tasks;

/**
 * The state a task's checkbox shows, as Obsidian Tasks writes it: {@code [ ]} to do, {@code [x]}
 * done, {@code [/]} in progress, {@code [-]} cancelled; any other character is a custom state that
 * counts as open.
 */
public enum TaskStatus {
  TODO,
  IN_PROGRESS,
  DONE,
  CANCELLED,
  OTHER;

  public static TaskStatus of(char mark) {
    return switch (mark) {
      case ' ' -> TODO;
      case 'x', 'X' -> DONE;
      case '/' -> IN_PROGRESS;
      case '-' -> CANCELLED;
      default -> OTHER;
    };
  }

  /** Still to be done: neither done nor cancelled. */
  public boolean isOpen() {
    return this != DONE && this != CANCELLED;
  }
}
