package org.rhizome.ui.shell;

import javafx.animation.PauseTransition;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;
import org.reactfx.Subscription;
import org.rhizome.ui.editor.EditorTabs;
import org.rhizome.ui.editor.NoteTab;
import org.rhizome.ui.workbench.AppContext;

/**
 * The open note's word and character counts in the status bar, recounted (in the background) a
 * moment after typing pauses. FX thread only.
 */
final class NoteStats {
  private final AppContext context;
  private final StatusBar statusBar;
  private final PauseTransition recountLater = new PauseTransition(Duration.millis(400));
  private @Nullable Subscription watching;
  private @Nullable NoteTab tab;

  NoteStats(AppContext context, EditorTabs editors, StatusBar statusBar) {
    this.context = context;
    this.statusBar = statusBar;
    recountLater.setOnFinished(e -> recount());
    editors
        .activeNote()
        .addListener(
            (obs, old, soul) -> {
              if (watching != null) {
                watching.unsubscribe();
                watching = null;
              }
              tab = editors.activeNoteTab().orElse(null);
              if (tab == null) {
                statusBar.setNoteStats("");
                return;
              }
              watching =
                  tab.editor()
                      .area()
                      .plainTextChanges()
                      .subscribe(change -> recountLater.playFromStart());
              recountLater.playFromStart();
            });
  }

  private void recount() {
    if (tab == null) {
      return;
    }
    String text = tab.editor().area().getText();
    context
        .background()
        .load(() -> describe(text), statusBar::setNoteStats, "Could not count the words");
  }

  /** "1,234 words · 6,789 characters". */
  static String describe(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = Character.isLetterOrDigit(text.charAt(i));
      if (letter && !inWord) {
        words++;
      }
      inWord = letter;
    }
    int chars = text.codePointCount(0, text.length());
    return String.format(
        "%,d %s · %,d %s",
        words, words == 1 ? "word" : "words", chars, chars == 1 ? "character" : "characters");
  }
}
