package org.rhizome.graph.change;

import org.rhizome.graph.note.NoteFields;

/**
 * Which fields hold text (a sequence CRDT edited by {@link Op.TextEdit}) rather than a
 * last-writer-wins value. A {@link Op.SetField} on a text field is refused on every replica, so the
 * two kinds of merge never meet on one field.
 */
public final class TextFields {
  private TextFields() {}

  public static boolean isText(String field) {
    return field.equals(NoteFields.BODY);
  }
}
