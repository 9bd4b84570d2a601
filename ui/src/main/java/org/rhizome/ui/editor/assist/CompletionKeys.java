package org.rhizome.ui.editor.assist;

import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The keys of a completion popup over the editor ({@code [[} links, {@code #} tags): Up/Down move
 * through the list, Enter or Tab accept, Escape closes; each consumes its key. Other keys pass.
 */
public final class CompletionKeys {
  private CompletionKeys() {}

  public static void handle(KeyEvent e, ListView<?> list, Runnable accept, Runnable hide) {
    KeyCode code = e.getCode();
    if (code == KeyCode.DOWN || code == KeyCode.UP) {
      int i = list.getSelectionModel().getSelectedIndex() + (code == KeyCode.DOWN ? 1 : -1);
      if (i >= 0 && i < list.getItems().size()) {
        list.getSelectionModel().select(i);
        list.scrollTo(i);
      }
      e.consume();
    } else if (code == KeyCode.ENTER || code == KeyCode.TAB) {
      accept.run();
      e.consume();
    } else if (code == KeyCode.ESCAPE) {
      hide.run();
      e.consume();
    }
  }
}
