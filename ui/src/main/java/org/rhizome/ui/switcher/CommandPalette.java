package org.rhizome.ui.switcher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.rhizome.ui.names.FuzzyMatcher;
import org.rhizome.ui.workbench.AppContext;
import org.rhizome.ui.workbench.Command;

/**
 * Ctrl/Cmd-P: every command of the window with its shortcut, filtered fuzzily by name; Enter runs
 * the chosen one. FX thread only (the command list is copied when the palette opens).
 */
public final class CommandPalette {
  private final AppContext context;
  private final PickerView<Command> picker;
  private volatile List<Command> commands = List.of();

  public CommandPalette(AppContext context, Overlay overlay) {
    this.context = context;
    this.picker =
        new PickerView<>(
            overlay,
            context.background(),
            "Type a command…",
            this::matching,
            v -> new CommandCell(),
            command -> javafx.application.Platform.runLater(command.action()));
    picker.setHint("Every command of Rhizome, with its shortcut");
    picker.setMatchInline(() -> true);
  }

  public void show() {
    commands =
        context.commands().all().stream().filter(c -> !c.id().equals("palette.open")).toList();
    picker.show();
  }

  public PickerView<Command> picker() {
    return picker;
  }

  private List<Command> matching(String query) {
    FuzzyMatcher matcher = new FuzzyMatcher(query);
    if (matcher.isEmpty()) {
      return commands;
    }
    record Scored(Command command, int score) {}
    List<Scored> scored = new ArrayList<>();
    for (Command c : commands) {
      int s = matcher.score(c.name().toLowerCase(Locale.ROOT));
      if (s != FuzzyMatcher.NO_MATCH) {
        scored.add(new Scored(c, s));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::score).reversed());
    return scored.stream().map(Scored::command).toList();
  }

  private static final class CommandCell extends ListCell<Command> {
    @Override
    protected void updateItem(Command item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label name = new Label(item.name());
      Region gap = new Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      Label keys = new Label(item.shortcutText());
      keys.getStyleClass().add("shortcut");
      setGraphic(new HBox(8, name, gap, keys));
      setText(null);
    }
  }
}
