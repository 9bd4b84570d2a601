package org.rhizome.ui.query;

import javafx.scene.control.Menu;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import org.rhizome.ui.workbench.AppContext;
import org.rhizome.ui.workbench.Command;
import org.rhizome.ui.workbench.MainWindow;

/**
 * Puts queries and tasks in the window: "Open tasks" and "New query view", in the palette and the
 * View menu. Each opens a tab whose live query stops when the tab closes. FX thread only.
 */
public final class QueryCommands {
  public static final String OPEN_TASKS = "tasks.open";
  public static final String NEW_QUERY = "query.new";
  private static int opened;

  private QueryCommands() {}

  public static void install(AppContext context, MainWindow window) {
    context
        .commands()
        .register(
            new Command(
                OPEN_TASKS, "Open tasks", null, () -> open(context, "tasks", "Tasks", true)));
    context
        .commands()
        .register(
            new Command(
                NEW_QUERY,
                "New query view",
                null,
                () -> open(context, "query-" + (++opened), "Query", false)));
    for (Menu menu : window.menuBar().getMenus()) {
      if ("_View".equals(menu.getText())) {
        menu.getItems()
            .addAll(new SeparatorMenuItem(), window.item(OPEN_TASKS), window.item(NEW_QUERY));
      }
    }
  }

  private static void open(AppContext context, String key, String title, boolean tasks) {
    QueryView[] made = new QueryView[1];
    Tab tab =
        context.openTab(
            key,
            title,
            () -> {
              made[0] =
                  tasks
                      ? new TasksPane(
                          context.workspace(),
                          context::openNote,
                          e -> context.errors().report("Could not tick the task", e))
                      : new QueryView(
                          context.workspace(),
                          "table tags, modified sort modified desc limit 50",
                          context::openNote,
                          e -> context.errors().report("Could not tick the task", e));
              made[0].useSettings(context.settings());
              return made[0];
            });
    if (made[0] != null) {
      QueryView view = made[0];
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
