package org.rhizome.ui.history;

import java.util.concurrent.Executor;
import javafx.scene.control.Menu;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.workbench.AppContext;
import org.rhizome.ui.workbench.MainWindow;

/**
 * Puts the history view in the window: "Show history of this note" (Ctrl/Cmd-Shift-H), in the
 * palette and the File menu, opens a tab per note; closing it stops following the workspace. FX
 * thread only.
 */
public final class HistoryCommands {
  public static final String SHOW = "note.history";

  private HistoryCommands() {}

  public static void install(AppContext context, MainWindow window) {
    context
        .commands()
        .register(
            SHOW,
            "Show history of this note",
            new KeyCodeCombination(
                KeyCode.H, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            () ->
                window
                    .activeNoteTab()
                    .ifPresent(t -> open(context, window.activeNote().getValue(), t.getText())));
    Menu file = window.fileMenu();
    int at =
        file.getItems()
            .indexOf(
                file.getItems().stream()
                    .filter(i -> "tab.close".equals(i.getUserData()))
                    .findFirst()
                    .orElse(null));
    file.getItems().add(at < 0 ? file.getItems().size() : at, window.item(SHOW));
  }

  private static void open(AppContext context, Soul soul, String title) {
    Executor background = work -> context.background().execute(work, "Could not read the history");
    HistoryView[] created = {null};
    Tab tab =
        context.openTab(
            "history:" + soul.value(),
            "History: " + title,
            () -> {
              created[0] = new HistoryView(context.workspace(), background, soul);
              return created[0];
            });
    if (created[0] != null) {
      HistoryView view = created[0];
      // Chained: the tab's own handler forgets it in the window's list of views.
      javafx.event.EventHandler<javafx.event.Event> forget = tab.getOnClosed();
      tab.setOnClosed(
          e -> {
            view.close();
            if (forget != null) {
              forget.handle(e);
            }
          });
    }
  }
}
