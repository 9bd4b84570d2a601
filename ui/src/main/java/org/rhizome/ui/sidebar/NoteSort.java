package org.rhizome.ui.sidebar;

import java.util.Comparator;
import org.rhizome.graph.query.NoteRef;

/** How the note list is ordered. */
public enum NoteSort {
  TITLE(
      "Title (A–Z)", Comparator.comparing((NoteRef n) -> n.title(), String.CASE_INSENSITIVE_ORDER)),
  MODIFIED("Last modified", Comparator.comparingLong(NoteRef::modified).reversed()),
  CREATED("Last created", Comparator.comparingLong(NoteRef::created).reversed());

  private final String label;
  private final Comparator<NoteRef> order;

  NoteSort(String label, Comparator<NoteRef> order) {
    this.label = label;
    this.order = order;
  }

  public Comparator<NoteRef> order() {
    return order;
  }

  @Override
  public String toString() {
    return label;
  }
}
