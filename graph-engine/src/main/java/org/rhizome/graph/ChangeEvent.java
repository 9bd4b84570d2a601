package org.rhizome.graph;

import java.util.List;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.text.TextChange;

/**
 * Changes that were just committed to the workspace's file, in commit order; {@code local} when
 * made on this device (by this process or another on the same file), {@code otherProcess} when
 * another process on the file (the CLI, {@code serve}) committed them. {@code texts} holds what
 * they did to the text fields the engine holds live, as splices an open editor replays in place; a
 * change to a text field missing there (not live, or too much at once) means: read the text again.
 */
public record ChangeEvent(
    List<Change> changes, boolean local, List<TextChange> texts, boolean otherProcess) {
  public ChangeEvent {
    changes = List.copyOf(changes);
    texts = List.copyOf(texts);
  }

  public ChangeEvent(List<Change> changes, boolean local) {
    this(changes, local, List.of(), false);
  }
}
