package org.rhizome.graph.text;

import java.util.List;
import org.rhizome.graph.model.Soul;

/**
 * What one committed change did to one text field, as an open editor replays it: {@code splices}
 * (code points, each relative to the text the ones before it left) take the text from version
 * {@code before} to {@code after}. {@code origin} is the tag the writer of the edit gave it (the
 * editor's {@code spliceBodyAsync}), 0 for none: an editor recognises its own edits by it. An
 * editor whose version is not {@code before} has missed something and reads the text again.
 */
public record TextChange(
    Soul soul,
    String field,
    TextVersion before,
    TextVersion after,
    List<Splice> splices,
    long origin) {
  public TextChange {
    splices = List.copyOf(splices);
  }
}
