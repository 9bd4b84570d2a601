package org.rhizome.ui.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Menu;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.query.lang.QueryResult;
import org.rhizome.graph.query.lang.SavedQuery;
import org.rhizome.ui.workbench.AppContext;
import org.rhizome.ui.workbench.ChangedNotes;
import org.rhizome.ui.workbench.Command;
import org.rhizome.ui.workbench.MainWindow;

/**
 * Puts queries and tasks in the window: "Open tasks" and "New query view", in the palette and the
 * View menu; and saved queries (notes marked {@code type: query}), which open as their view in a
 * tab wherever a note is opened. Each tab's live query stops when the tab closes. FX thread only.
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
    installSavedQueries(context);
    for (Menu menu : window.menuBar().getMenus()) {
      if ("_View".equals(menu.getText())) {
        menu.getItems()
            .addAll(new SeparatorMenuItem(), window.item(OPEN_TASKS), window.item(NEW_QUERY));
      }
    }
  }

  /**
   * Keeps the set of saved-query notes (one query at start, then the notes each change touches,
   * read in the background) and opens those as views.
   */
  private static void installSavedQueries(AppContext context) {
    Set<Soul> saved = new HashSet<>();
    Runnable all =
        () ->
            context
                .background()
                .load(
                    () -> {
                      Set<Soul> found = new HashSet<>();
                      for (QueryResult.Row row :
                          context
                              .workspace()
                              .query("list where lower(type) = \"" + SavedQuery.TYPE + "\"")
                              .rows()) {
                        found.add(row.note());
                      }
                      return found;
                    },
                    found -> {
                      saved.clear();
                      saved.addAll(found);
                    },
                    "Could not list the saved queries");
    all.run();
    context.onChanges(
        event -> {
          List<Soul> touched = new ArrayList<>(ChangedNotes.of(event));
          if (touched.size() > 64) {
            all.run();
          } else if (!touched.isEmpty()) {
            context
                .background()
                .load(
                    () -> context.workspace().bodies(touched),
                    bodies -> {
                      for (int i = 0; i < touched.size() && i < bodies.size(); i++) {
                        if (SavedQuery.of(bodies.get(i)).isPresent()) {
                          saved.add(touched.get(i));
                        } else {
                          saved.remove(touched.get(i));
                        }
                      }
                    },
                    "Could not read the changed notes");
          }
        });
    context.addNoteOpener(
        soul -> {
          if (!saved.contains(soul)) {
            return false;
          }
          openSaved(context, soul);
          return true;
        });
  }

  /** Opens (or selects) the view of a saved query; its title follows the note's. */
  public static void openSaved(AppContext context, Soul soul) {
    SavedQueryView[] made = new SavedQueryView[1];
    Tab tab =
        context.openTab(
            "saved-query:" + soul.value(),
            "Query",
            () -> {
              made[0] = new SavedQueryView(context, soul);
              return made[0];
            });
    if (made[0] != null) {
      SavedQueryView view = made[0];
      tab.textProperty().bind(view.titleProperty());
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
