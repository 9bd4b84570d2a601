package org.rhizome.ui.graph;

import java.util.concurrent.Executor;
import javafx.scene.control.Menu;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.workbench.AppContext;
import org.rhizome.ui.workbench.MainWindow;

/**
 * Puts the graph view in the window: the commands "Open graph view" (Ctrl/Cmd-G) and "Open local
 * graph of this note" (Ctrl/Cmd-Shift-G), in the palette and the View menu. One graph tab per
 * window; closing it stops its threads. FX thread only.
 */
public final class GraphCommands {
  public static final String OPEN = "graph.open";
  public static final String OPEN_LOCAL = "graph.local";
  private static final String TAB_KEY = "graph";

  private final AppContext context;
  private final MainWindow window;
  private @Nullable NoteGraphView view;

  private GraphCommands(AppContext context, MainWindow window) {
    this.context = context;
    this.window = window;
  }

  public static void install(AppContext context, MainWindow window) {
    GraphCommands commands = new GraphCommands(context, window);
    context
        .commands()
        .register(
            OPEN,
            "Open graph view",
            new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN),
            () -> commands.open(null));
    context
        .commands()
        .register(
            OPEN_LOCAL,
            "Open local graph of this note",
            new KeyCodeCombination(
                KeyCode.G, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            () -> {
              Soul active = window.activeNote().getValue();
              if (active != null) {
                commands.open(active);
              }
            });
    for (Menu menu : window.menuBar().getMenus()) {
      if ("_View".equals(menu.getText())) {
        menu.getItems().addAll(new SeparatorMenuItem(), window.item(OPEN), window.item(OPEN_LOCAL));
      }
    }
  }

  /** Shows the graph tab: the local graph of {@code centre}, or the global graph when null. */
  private void open(@Nullable Soul centre) {
    Executor background = work -> context.background().execute(work, "Could not load the graph");
    boolean[] created = {false};
    Tab tab =
        context.openTab(
            TAB_KEY,
            "Graph",
            () -> {
              view = new NoteGraphView(context.workspace(), background, context::openNote);
              created[0] = true;
              return view;
            });
    NoteGraphView shown = view;
    if (shown == null) {
      return;
    }
    if (created[0]) {
      // Chained: the tab's own handler forgets it in the window's list of views.
      javafx.event.EventHandler<javafx.event.Event> forget = tab.getOnClosed();
      tab.setOnClosed(
          e -> {
            shown.close();
            view = null;
            if (forget != null) {
              forget.handle(e);
            }
          });
    }
    // The note being edited stands out in the graph, so you see where you are.
    shown.select(centre != null ? centre : window.activeNote().getValue());
    // An open global graph is only selected, not laid out again.
    if (centre != null) {
      shown.showLocal(centre);
    } else if (created[0] || !shown.isGlobal()) {
      shown.showGlobal();
    }
  }
}
