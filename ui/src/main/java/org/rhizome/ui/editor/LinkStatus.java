package org.rhizome.ui.editor;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.util.Duration;
import org.rhizome.graph.ChangeEvent;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.query.OutgoingLink;
import org.rhizome.ui.workbench.AppContext;

/**
 * Which of an open note's wikilinks reach no note, as the engine resolves them (its stored links
 * and Obsidian's rules, {@code Workspace.outgoingLinks}), so the editor can style them apart. Read
 * in the background when the note opens and again shortly after any committed change (a new note
 * can resolve a link, a typed link is stored a moment after it is typed); the editor is restyled —
 * only its lines with links — when the answer changes. A link not yet stored counts as resolved
 * until it is.
 *
 * <p>FX thread only.
 */
final class LinkStatus {
  static final Duration REFRESH_DELAY = Duration.millis(120);

  private final AppContext context;
  private final Soul soul;
  private final DocumentStyler styler;
  private final PauseTransition refresh = new PauseTransition(REFRESH_DELAY);

  /** Lower-cased targets that reach no note. */
  private Set<String> unresolved = Set.of();

  private boolean closed;

  LinkStatus(AppContext context, Soul soul, DocumentStyler styler) {
    this.context = context;
    this.soul = soul;
    this.styler = styler;
    refresh.setOnFinished(e -> refresh());
  }

  /** Any committed change may resolve or break a link: read again after a short pause. */
  void onChanges(ChangeEvent event) {
    if (!closed) {
      refresh.playFromStart();
    }
  }

  /** Reads the links' status now (in the background). */
  void refresh() {
    context
        .background()
        .load(
            () -> {
              Set<String> out = new HashSet<>();
              for (OutgoingLink link : context.workspace().outgoingLinks(soul)) {
                if (link.resolved() == null && !isFile(link.target())) {
                  out.add(link.target().strip().toLowerCase(Locale.ROOT));
                }
              }
              return Set.copyOf(out);
            },
            found -> {
              if (!closed && !found.equals(unresolved)) {
                unresolved = found;
                styler.linkStatus(target -> found.contains(target.toLowerCase(Locale.ROOT)));
              }
            },
            "Could not read which links of the note resolve");
  }

  /** True when the target reaches no note. */
  boolean isUnresolved(String target) {
    return unresolved.contains(target.strip().toLowerCase(Locale.ROOT));
  }

  void close() {
    closed = true;
    refresh.stop();
  }

  /**
   * An embedded image or other file ({@code pic.png}): not a note, so not styled as a missing one.
   */
  private static boolean isFile(String target) {
    int slash = target.lastIndexOf('/');
    int dot = target.lastIndexOf('.');
    return dot > slash + 1
        && dot < target.length() - 1
        && !target.regionMatches(true, dot, ".md", 0, 3);
  }
}
