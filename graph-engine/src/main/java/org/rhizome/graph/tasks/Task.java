package org.rhizome.graph.tasks;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One checklist item of a note's body.
 *
 * @param line 0-based line of the note's text (front matter included) the task is on
 * @param markOffset the UTF-16 offset in the note's text of the character between the brackets: the
 *     one character a tick replaces
 * @param mark that character ({@code ' '}, {@code 'x'}, {@code '/'}, {@code '-'} or a custom one)
 * @param text the description: the item's text without dates, priority and inline fields
 * @param raw the item's text after the checkbox, as written
 * @param due, scheduled, start, done, created dates as epoch milliseconds of that day's UTC
 *     midnight, null when absent
 * @param priority 0 (lowest ⏬) to 5 (highest 🔺); 2 when none is given
 * @param tags the tags written in the item, without {@code #}, in order
 * @param links the targets of the wikilinks written in the item, in order
 */
public record Task(
    int line,
    int markOffset,
    char mark,
    String text,
    String raw,
    @Nullable Long due,
    @Nullable Long scheduled,
    @Nullable Long start,
    @Nullable Long done,
    @Nullable Long created,
    int priority,
    List<String> tags,
    List<String> links) {

  public static final int PRIORITY_NONE = 2;

  public Task {
    tags = List.copyOf(tags);
    links = List.copyOf(links);
  }

  public TaskStatus status() {
    return TaskStatus.of(mark);
  }
}
