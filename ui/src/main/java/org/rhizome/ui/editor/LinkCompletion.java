package org.rhizome.ui.editor;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Popup;
import org.fxmisc.richtext.CodeArea;
import org.rhizome.graph.api.InvalidTitleException;
import org.rhizome.graph.markdown.MarkdownBlocks;
import org.rhizome.graph.markdown.MarkdownSpan;
import org.rhizome.graph.note.NoteFolders;
import org.rhizome.graph.note.NoteTitles;
import org.rhizome.ui.editor.assist.CompletionKeys;
import org.rhizome.ui.names.NoteNameIndex;
import org.rhizome.ui.workbench.AppContext;

/**
 * {@code [[} completion: once the person types {@code [[}, a list under the caret offers note
 * titles and aliases matching what follows, fuzzily, and — when no note has exactly that name — a
 * last entry "Create note «X»" that creates the note (in the link's folder when it has a path, else
 * the folder for new notes) and inserts the link. Up/Down choose, Enter or Tab insert {@code
 * Name]]}, Escape (or moving out of the link) closes it.
 *
 * <p>FX thread only.
 */
final class LinkCompletion {
  static final int MAX_SUGGESTIONS = 12;
  private static final double ROW_HEIGHT = 30;

  private final AppContext context;
  private final CodeArea area;
  private final NoteNameIndex names;

  /**
   * Built on the first {@code [[}: most editors never complete a link, and opening a note should
   * not pay for it.
   */
  private @org.jspecify.annotations.Nullable Popup popup;

  private final ListView<Suggestion> list = new ListView<>();

  /** Offset just after the {@code [[} being completed; -1 when inactive. */
  private int linkStart = -1;

  /** One entry of the list: a note's name, or the offer to create a note named {@code create}. */
  record Suggestion(
      NoteNameIndex.@org.jspecify.annotations.Nullable Match match,
      @org.jspecify.annotations.Nullable String create) {
    String name() {
      return match != null ? match.entry().name().name() : java.util.Objects.requireNonNull(create);
    }
  }

  LinkCompletion(AppContext context, CodeArea area, NoteNameIndex names) {
    this.context = context;
    this.area = area;
    this.names = names;
    list.getStyleClass().add("link-completion");
    list.setPrefWidth(360);
    list.setFixedCellSize(ROW_HEIGHT);
    list.setCellFactory(v -> new SuggestionCell());
    list.setFocusTraversable(false);
    list.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2) {
            accept();
          }
        });
    area.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    area.caretPositionProperty()
        .addListener(
            (obs, old, now) -> {
              if (linkStart >= 0) {
                update();
              }
            });
  }

  boolean isShowing() {
    return popup != null && popup.isShowing();
  }

  private Popup popup() {
    if (popup == null) {
      popup = new Popup();
      popup.getContent().add(list);
      popup.setAutoHide(true);
      popup.setOnHidden(e -> linkStart = -1);
    }
    return popup;
  }

  List<Suggestion> suggestions() {
    return List.copyOf(list.getItems());
  }

  /** Chooses entry {@code i} of the list, as the arrow keys do. */
  void select(int i) {
    list.getSelectionModel().select(i);
  }

  /**
   * Called after each edit; starts completion when the text before the caret ends with {@code [[}.
   */
  void afterEdit(String inserted) {
    int caret = area.getCaretPosition();
    if (linkStart < 0
        && !inserted.isEmpty()
        && inserted.endsWith("[")
        && caret >= 2
        && area.getText(caret - 2, caret).equals("[[")
        && linksCountAt(area.getText(), caret)) {
      linkStart = caret;
      names.refresh(this::update);
    }
  }

  /**
   * Starts completion when the text before the caret ends with {@code [[} — after an editing helper
   * inserted {@code [[]]} and put the caret between the brackets.
   */
  void maybeStart() {
    int caret = area.getCaretPosition();
    if (linkStart < 0
        && caret >= 2
        && area.getText(caret - 2, caret).equals("[[")
        && linksCountAt(area.getText(), caret)) {
      linkStart = caret;
      names.refresh(this::update);
    }
  }

  /**
   * True when a link typed at {@code offset} would be a link to the index: not inside code, math, a
   * comment or HTML, as the engine's spans say (completing a link there would offer what is not
   * one).
   */
  static boolean linksCountAt(String text, int offset) {
    for (MarkdownSpan s : MarkdownBlocks.of(text).spansAround(offset, offset).spans()) {
      boolean notText =
          switch (s.kind()) {
            case CODE_SPAN, FENCED_CODE, MATH, COMMENT, HTML -> true;
            default -> false;
          };
      if (notText && s.start() < offset && offset <= s.end()) {
        return false;
      }
    }
    return true;
  }

  private void update() {
    int caret = area.getCaretPosition();
    if (linkStart < 0 || caret < linkStart) {
      hide();
      return;
    }
    String typed = area.getText(linkStart, caret);
    if (typed.contains("]")
        || typed.contains("\n")
        || typed.contains("[")
        || typed.length() > 200) {
      hide();
      return;
    }
    List<NoteNameIndex.Match> matches = names.match(typed, MAX_SUGGESTIONS);
    List<Suggestion> items = new java.util.ArrayList<>(matches.size() + 1);
    for (NoteNameIndex.Match m : matches) {
      items.add(new Suggestion(m, null));
    }
    creatable(typed, matches).ifPresent(name -> items.add(new Suggestion(null, name)));
    list.getItems().setAll(items);
    list.setPrefHeight(Math.min(items.size(), 9) * ROW_HEIGHT + 4); // as tall as its entries
    if (items.isEmpty()) {
      if (popup != null) {
        popup.hide();
      }
      linkStart = caret >= linkStart ? linkStart : -1;
      return;
    }
    list.getSelectionModel().select(0);
    if (!isShowing()) {
      area.getCaretBounds().ifPresent(this::showAt);
    }
  }

  private void showAt(Bounds caret) {
    if (area.getScene() == null || area.getScene().getWindow() == null) {
      return;
    }
    int keep = linkStart;
    popup().show(area, caret.getMinX(), caret.getMaxY() + 2);
    linkStart = keep;
  }

  private void onKey(KeyEvent e) {
    if (!isShowing()) {
      return;
    }
    CompletionKeys.handle(e, list, this::accept, this::hide);
  }

  /**
   * The name to offer creating: what was typed, trimmed, when it is a valid title (its last path
   * part) and no suggested note has exactly that name.
   */
  static java.util.Optional<String> creatable(String typed, List<NoteNameIndex.Match> matches) {
    String name = typed.strip();
    int bar = name.indexOf('|');
    if (bar >= 0 || name.indexOf('#') >= 0 || name.isEmpty()) {
      return java.util.Optional.empty();
    }
    for (NoteNameIndex.Match m : matches) {
      if (m.entry().name().name().equalsIgnoreCase(name)
          || NoteFolders.path(m.entry().note().folder(), m.entry().note().title())
              .equalsIgnoreCase(name)) {
        return java.util.Optional.empty();
      }
    }
    try {
      NoteTitles.check(LinkFollower.titleFor(name));
    } catch (InvalidTitleException e) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(name);
  }

  /** Inserts the chosen name and the closing brackets; creates the note first for "Create note". */
  void accept() {
    Suggestion chosen = list.getSelectionModel().getSelectedItem();
    int start = linkStart;
    hide();
    if (chosen == null || start < 0) {
      return;
    }
    String name = chosen.name();
    int caret = area.getCaretPosition();
    String after = area.getText(caret, Math.min(area.getLength(), caret + 2));
    String closing = after.equals("]]") ? "" : "]]";
    // Keep the typed characters that already spell the name: only the rest is inserted.
    String typed = area.getText(start, caret);
    int same = 0;
    while (same < typed.length()
        && same < name.length()
        && typed.charAt(same) == name.charAt(same)) {
      same++;
    }
    area.replaceText(start + same, caret, name.substring(same) + closing);
    area.moveTo(start + name.length() + 2);
    if (chosen.create() != null) {
      String folder = LinkFollower.folderFor(name, context.settings().defaultFolder().get());
      String title = LinkFollower.titleFor(name);
      context
          .background()
          .reportFailure(
              context.workspace().createNoteAsync(folder, title, ""),
              "Could not create the note \"" + NoteFolders.path(folder, title) + "\"");
    }
  }

  void hide() {
    linkStart = -1;
    if (popup != null) {
      popup.hide();
    }
  }

  private static final class SuggestionCell extends ListCell<Suggestion> {
    @Override
    protected void updateItem(Suggestion suggestion, boolean empty) {
      super.updateItem(suggestion, empty);
      if (empty || suggestion == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      if (suggestion.create() != null) {
        Label create = new Label("Create note «" + suggestion.create() + "»");
        create.getStyleClass().add("link-completion-create");
        setGraphic(create);
        setText(null);
        return;
      }
      NoteNameIndex.Match item = java.util.Objects.requireNonNull(suggestion.match());
      Label name = new Label(item.entry().name().name());
      Region gap = new Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      HBox row = new HBox(8, name, gap);
      if (item.entry().name().isAlias()) {
        Label of = new Label("→ " + item.entry().note().title());
        of.getStyleClass().add("text-muted");
        row.getChildren().add(of);
      }
      setGraphic(row);
      setText(null);
    }
  }
}
