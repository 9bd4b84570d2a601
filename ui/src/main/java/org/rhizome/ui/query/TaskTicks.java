package org.rhizome.ui.query;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.tasks.TaskToggle;
import org.rhizome.ui.workbench.Settings;

/**
 * How the UI ticks a task: the mark, and today's date after a ✅ unless the person turned that off
 * in the settings. One place so the reading view, query results and the Tasks pane agree.
 */
public final class TaskTicks {
  private TaskTicks() {}

  /**
   * Today's date if ticking should write it (settings given and the date not turned off), else
   * null.
   */
  public static @Nullable LocalDate doneOn(@Nullable Settings settings) {
    return settings != null && settings.taskDoneDate().get() ? LocalDate.now() : null;
  }

  /**
   * The edits (UTF-16, in the order to apply them) that tick the task whose mark is at {@code
   * markOffset} of {@code text}; empty when the text moved on and no such mark is there.
   */
  public static List<TaskToggle.Edit> edits(
      String text, int markOffset, char expected, @Nullable Settings settings) {
    return TaskToggle.editsAtMark(text, markOffset, expected, doneOn(settings));
  }
}
