package org.rhizome.ui.workbench;

import java.util.Objects;
import javafx.scene.input.KeyCombination;
import org.jspecify.annotations.Nullable;

/**
 * Something a person can do, by name: the command palette lists every registered command, menus and
 * buttons run them by id, and the shortcut (if any) works anywhere in the main window.
 *
 * @param id stable, dotted ({@code note.new}, {@code graph.open}); used by menus and tests
 * @param name what the palette shows ("New note")
 * @param shortcut null when the command has none
 * @param action run on the FX thread; must not block (hand slow work to {@link
 *     AppContext#background()})
 */
public record Command(String id, String name, @Nullable KeyCombination shortcut, Runnable action) {
  public Command {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(action, "action");
    if (id.isBlank() || name.isBlank()) {
      throw new IllegalArgumentException("a command needs an id and a name");
    }
  }

  /** The shortcut as the platform shows it ("Ctrl+O", "⌘O"), or "" when there is none. */
  public String shortcutText() {
    return shortcut == null ? "" : shortcut.getDisplayText();
  }
}
