package org.rhizome.ui.shell;

import org.rhizome.graph.ChangeEvent;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;

/** What kind of change an event holds, so lists refresh only when what they show can have changed. */
public final class ChangeKinds {
  private ChangeKinds() {}

  /** True when some op sets a field (a title, folder, deletion, a new note), not only edits text. */
  public static boolean setsFields(ChangeEvent event) {
    for (Change change : event.changes()) {
      for (Op op : change.ops()) {
        if (op instanceof Op.SetField) {
          return true;
        }
      }
    }
    return false;
  }
}
