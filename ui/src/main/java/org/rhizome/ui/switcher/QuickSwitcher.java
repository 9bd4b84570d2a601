package org.rhizome.ui.switcher;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.ui.editor.LinkFollower;
import org.rhizome.ui.names.NoteNameIndex;
import org.rhizome.ui.workbench.AppContext;

/**
 * Ctrl/Cmd-O: type part of a title or alias, fuzzily, and open the note. When no note has exactly
 * the typed title, the last choice creates it.
 *
 * <p>FX thread only.
 */
public final class QuickSwitcher {
  static final int MAX_RESULTS = 50;
  static final int INLINE_MATCH_NAMES = 250_000;

  /** One line of the switcher: a note (by a name) or "create a note with this title". */
  public record Choice(@Nullable NoteRef note, String name, boolean isAlias, String createTitle) {
    boolean creates() {
      return note == null;
    }
  }

  private final NoteNameIndex names;
  private final PickerView<Choice> picker;

  public QuickSwitcher(AppContext context, NoteNameIndex names, Overlay overlay) {
    this.names = names;
    LinkFollower follower = new LinkFollower(context);
    this.picker =
        new PickerView<>(
            overlay,
            context.background(),
            "Find or create a note…",
            this::choices,
            v -> new ChoiceCell(),
            choice -> {
              if (choice.creates()) {
                follower.follow("", choice.createTitle());
              } else {
                context.openNote(choice.note().soul());
              }
            });
    picker.setHint("↑↓ to choose · Enter to open · Esc to close");
    // A fuzzy match over 100,000 names takes ~5 ms (bench ui): done in the keystroke's own frame,
    // as a
    // hand-off to another thread and back costs more than that; beyond this size, in the
    // background.
    picker.setMatchInline(() -> names.size() <= INLINE_MATCH_NAMES);
  }

  public void show() {
    picker.show();
    // Names load in the background the first time (and after changes): match again once they are
    // in.
    names.refresh(picker::rematch);
  }

  public PickerView<Choice> picker() {
    return picker;
  }

  /** Thread-safe: runs on the picker's background thread. */
  List<Choice> choices(String query) {
    List<Choice> out = new ArrayList<>();
    String typed = query.strip();
    boolean exact = false;
    for (NoteNameIndex.Match m : names.match(typed, MAX_RESULTS)) {
      out.add(
          new Choice(m.entry().note(), m.entry().name().name(), m.entry().name().isAlias(), ""));
      exact |= m.entry().name().name().equalsIgnoreCase(typed);
    }
    if (!typed.isEmpty() && !exact) {
      out.add(new Choice(null, typed, false, typed));
    }
    return out;
  }

  private static final class ChoiceCell extends ListCell<Choice> {
    @Override
    protected void updateItem(Choice item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label name = new Label(item.creates() ? "Create note \"" + item.name() + "\"" : item.name());
      Region gap = new Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      HBox row = new HBox(8, name, gap);
      if (item.creates()) {
        name.getStyleClass().add("accent");
      } else if (item.isAlias()) {
        Label of = new Label("alias of " + item.note().path());
        of.getStyleClass().add("text-muted");
        row.getChildren().add(of);
      } else if (!item.note().folder().isEmpty()) {
        Label in = new Label(item.note().folder());
        in.getStyleClass().add("text-muted");
        row.getChildren().add(in);
      }
      setGraphic(row);
      setText(null);
    }
  }
}
