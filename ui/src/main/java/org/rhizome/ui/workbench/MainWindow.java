package org.rhizome.ui.workbench;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.layout.Pane;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.model.Soul;

/**
 * The main window as the parts put into it see it: where a view opens, the menus and sidebar they
 * add to, the note being edited. The shell's {@code MainWindowView} implements it, so a feature
 * never needs the shell (which composes the features). FX thread only.
 */
public interface MainWindow {
  /** Opens the note in a tab (or selects its tab) and focuses its editor. */
  void openNote(Soul soul);

  /**
   * Shows a view in a tab of the main area. A second call with the same {@code key} selects the
   * existing tab instead of building the view again ({@code content} is then not called).
   */
  Tab openTab(String key, String title, Supplier<Node> content);

  /** The empty slot at the right end of the status bar, for the sync status indicator. */
  Pane syncStatusSlot();

  /** The note in the selected editor tab; null when the selected tab shows no note. */
  ObservableValue<@Nullable Soul> activeNote();

  /** The selected editor tab when it shows a note (its text is the note's title). */
  Optional<Tab> activeNoteTab();

  /** The File menu: others add their items (import, export) here. */
  Menu fileMenu();

  MenuBar menuBar();

  /** A menu item that runs a registered command and shows its shortcut. */
  MenuItem item(String commandId);

  /** Adds a tab to the sidebar, after Notes, Tags and Search (the trash). */
  void addSidebarTab(Tab tab);

  /** Shows the sidebar with {@code tab} selected. */
  void showSidebarTab(Tab tab);

  /** The window's root node (its scene and stage come later, once the window is shown). */
  Node root();
}
