package org.rhizome.ui.editor;

import org.rhizome.graph.query.NoteRef;
import org.rhizome.ui.shell.AppContext;

/**
 * Follows a wikilink target: opens the note it resolves to, or creates a note with that title when
 * none does (an unresolved link is an invitation to write it), then opens that. FX thread.
 */
public final class LinkFollower {
  private final AppContext context;

  public LinkFollower(AppContext context) {
    this.context = context;
  }

  public void follow(String target) {
    String name = target.strip();
    if (name.isEmpty()) {
      return;
    }
    context.background().load(() -> context.workspace().resolve(name).map(NoteRef::soul), found -> {
      if (found.isPresent()) {
        context.openNote(found.get());
      } else {
        create(name);
      }
    }, "Could not follow the link to \"" + name + "\"");
  }

  private void create(String title) {
    var created = context.workspace().createNoteAsync(titleFor(title), "");
    context.background().reportFailure(created, "Could not create the note \"" + title + "\"");
    created.thenAccept(soul -> javafx.application.Platform.runLater(() -> context.openNote(soul)));
  }

  /** A link may carry a folder path ({@code Projects/Plan}); the note's title is the last part. */
  static String titleFor(String target) {
    int slash = target.lastIndexOf('/');
    String t = slash >= 0 && slash < target.length() - 1 ? target.substring(slash + 1) : target;
    return t.endsWith(".md") && t.length() > 3 ? t.substring(0, t.length() - 3) : t;
  }
}
