package org.rhizome.ui.trash;

import javafx.scene.control.Menu;
import javafx.scene.control.Tab;
import org.rhizome.ui.workbench.AppContext;
import org.rhizome.ui.workbench.MainWindow;

/**
 * Puts the trash in the window: a "Trash" tab in the sidebar (loaded when first shown, then kept
 * current), and "Show the trash" in the palette and the File menu. FX thread only.
 */
public final class TrashCommands {
  public static final String SHOW = "trash.show";

  private TrashCommands() {}

  public static TrashView install(AppContext context, MainWindow window) {
    TrashView view = new TrashView(context);
    Tab tab = new Tab("Trash", view.node());
    tab.setClosable(false);
    tab.setId("trash-tab");
    boolean[] loaded = {false};
    tab.selectedProperty()
        .addListener(
            (obs, was, now) -> {
              if (now && !loaded[0]) {
                loaded[0] = true;
                view.reload();
              }
            });
    window.addSidebarTab(tab);
    // Four tabs (Notes, Tags, Search, Trash) fit the sidebar's width only with dense headers no
    // wider than their names (the theme's minimum tab width would push Trash into the overflow
    // menu).
    javafx.scene.control.TabPane sidebar = tab.getTabPane();
    if (sidebar != null) {
      if (!sidebar.getStyleClass().contains(atlantafx.base.theme.Styles.DENSE)) {
        sidebar.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
      }
      sidebar.setTabMinWidth(0);
      sidebar.getStylesheets().add(TrashCommands.class.getResource("trash.css").toExternalForm());
    }
    context
        .commands()
        .register(SHOW, "Show the trash (deleted notes)", null, () -> window.showSidebarTab(tab));
    Menu file = window.fileMenu();
    int at =
        file.getItems()
            .indexOf(
                file.getItems().stream()
                    .filter(i -> "note.delete".equals(i.getUserData()))
                    .findFirst()
                    .orElse(null));
    file.getItems().add(at < 0 ? file.getItems().size() : at + 1, window.item(SHOW));
    return view;
  }
}
