package org.rhizome.ui.workbench;

import java.util.LinkedHashSet;
import java.util.Set;
import org.rhizome.graph.ChangeEvent;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.model.Soul;

/** The nodes a change event touched, so a view refreshes only when what it shows changed. */
public final class ChangedNotes {
  private ChangedNotes() {}

  /** The nodes a field of which was set (title, folder, deletion…), as opposed to text edits. */
  public static Set<Soul> fieldsSet(ChangeEvent event) {
    Set<Soul> souls = new LinkedHashSet<>();
    for (Change change : event.changes()) {
      for (Op op : change.ops()) {
        if (op instanceof Op.SetField) {
          souls.add(op.soul());
        }
      }
    }
    return souls;
  }

  /**
   * True when some op sets a field (a title, folder, deletion, a new note), not only edits text.
   */
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

  public static Set<Soul> of(ChangeEvent event) {
    Set<Soul> souls = new LinkedHashSet<>();
    for (Change change : event.changes()) {
      for (Op op : change.ops()) {
        souls.add(op.soul());
      }
    }
    return souls;
  }
}
