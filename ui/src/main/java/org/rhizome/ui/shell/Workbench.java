package org.rhizome.ui.shell;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.layout.Pane;
import org.rhizome.graph.model.Soul;

/** What the main window offers the components inside it. Implemented by {@link MainWindow}; FX thread only. */
public interface Workbench {
  /** Opens the note in a tab (or selects its tab) and focuses its editor. */
  void openNote(Soul soul);

  /**
   * Shows a view in a tab of the main area. A second call with the same {@code key} selects the
   * existing tab instead of building the view again ({@code content} is then not called).
   */
  Tab openTab(String key, String title, Supplier<Node> content);

  /** The empty slot at the right end of the status bar, for the sync status indicator. */
  Pane syncStatusSlot();
}
