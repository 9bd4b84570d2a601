package org.rhizome.ui.editor;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.ChangeEvent;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.Note;
import org.rhizome.ui.names.NoteNameIndex;
import org.rhizome.ui.workbench.AppContext;

/**
 * One note in a tab: its title (editable in place; Enter or Tab renames, and links to it follow,
 * and moves on to the text; a title the engine refuses stays as typed with the reason under it), a
 * source/reading switch, and the editor or the rendered view.
 *
 * <p>FX thread only.
 */
public final class NoteTab {
  private final AppContext context;
  private final Soul soul;
  private final Tab tab = new Tab();
  private final TextField title = new TextField();

  /** Why the typed title was refused; hidden while there is nothing to say. */
  private final javafx.scene.control.Label titleError = new javafx.scene.control.Label();

  private final ToggleButton reading = new ToggleButton("Read");
  private final NoteEditorView editor;
  private final StackPane body = new StackPane();
  private final LinkFollower follower;
  private final java.util.function.Supplier<MarkdownHtml> html;
  private @Nullable ReadingView readingView;
  private final org.rhizome.ui.properties.PropertiesView properties;
  private String savedTitle = "";
  private final javafx.beans.value.ChangeListener<Object> lookChanged =
      (obs, old, now) -> Platform.runLater(this::rerenderReading);
  private String folder = "";
  private final NoteAccess access = new NoteAccess();
  private NoteAccess.State accessState = NoteAccess.State.WRITABLE;
  private boolean deleted;
  private boolean loaded;
  private @Nullable String pendingReveal;

  NoteTab(
      AppContext context,
      Soul soul,
      NoteNameIndex names,
      LinkFollower follower,
      java.util.function.Supplier<MarkdownHtml> html) {
    this.context = context;
    this.soul = soul;
    this.follower = follower;
    this.html = html;
    this.editor = new NoteEditorView(context, soul, names, follower, () -> folder);
    title.getStyleClass().add("note-title-field");
    title.setPromptText("Title");
    title
        .focusedProperty()
        .addListener(
            (obs, was, is) -> {
              if (!is) {
                rename();
              }
            });
    // A filter: the field's own Tab would move on to the Read button, Enter would stay.
    title.addEventFilter(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          boolean plain = !e.isShortcutDown() && !e.isAltDown();
          if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.TAB && !e.isShiftDown())
              && plain) {
            e.consume();
            if (rename()) {
              editor.area().requestFocus();
            }
          } else if (e.getCode() == KeyCode.ESCAPE) {
            title.setText(savedTitle);
            showTitleError(null);
            editor.area().requestFocus();
          } else if (e.getCode() == KeyCode.DOWN) {
            editor.area().requestFocus();
          }
        });
    title
        .textProperty()
        .addListener(
            (obs, was, now) -> {
              if (titleError.isVisible()) {
                showTitleError(null);
              }
            });
    titleError.getStyleClass().add("note-title-error");
    titleError.getStylesheets().add(org.rhizome.ui.editor.assist.EditorAssist.CSS);
    titleError.setWrapText(true);
    showTitleError(null);
    reading.setTooltip(new Tooltip("Switch between the Markdown source and the rendered note"));
    reading.getStyleClass().add("reading-toggle");
    reading.selectedProperty().addListener((obs, was, is) -> showMode(is));
    // The rendered page carries the theme's colours and the font size: render again when they
    // change
    // (later, so the theme has been applied to the scene first).
    context.settings().theme().addListener(lookChanged);
    context.settings().themeFamily().addListener(lookChanged);
    context.settings().editorFontSize().addListener(lookChanged);
    HBox.setHgrow(title, Priority.ALWAYS);
    HBox header = new HBox(8, title, access.badges(), reading);
    header.setAlignment(Pos.CENTER_LEFT);
    header.setPadding(new Insets(10, 16, 6, 16));
    header.getStyleClass().add("note-header");
    body.getChildren().add(editor.node());
    BorderPane content = new BorderPane(body);
    properties =
        new org.rhizome.ui.properties.PropertiesView(
            context, editor.area(), t -> follower.follow(folder, t));
    content.setTop(
        new javafx.scene.layout.VBox(
            header,
            access.notice(),
            titleError,
            properties.node())); // front matter as a table, both views
    content.getStyleClass().add("note-tab");
    tab.setContent(content);
    tab.setText("…");
    tab.setUserData(this);
  }

  public Tab tab() {
    return tab;
  }

  public Soul soul() {
    return soul;
  }

  public NoteEditorView editor() {
    return editor;
  }

  /** The front matter table above the note. */
  public org.rhizome.ui.properties.PropertiesView properties() {
    return properties;
  }

  public boolean isLoaded() {
    return loaded;
  }

  public boolean isReading() {
    return reading.isSelected();
  }

  /** Loads the note in the background and shows it. */
  void load(Runnable whenShown) {
    context
        .background()
        .loadUrgently(
            () -> {
              java.util.Optional<Note> note = context.workspace().findNote(soul);
              if (note.isEmpty()) {
                return null;
              }
              // The body comes from the writer with its version: the editor's splices name it, and
              // the
              // change feed carries every later edit of it as splices.
              org.rhizome.graph.VersionedText body = context.workspace().openBody(soul);
              NoteAccess.State may = NoteAccess.read(context.workspace(), soul);
              if (body.text().indexOf('\r') >= 0 && !may.readOnly()) {
                // The editor keeps lines with \n only; store the same so offsets agree.
                String normal = body.text().replace("\r\n", "\n").replace('\r', '\n');
                context.workspace().editBody(soul, body, normal);
                body = context.workspace().openBody(soul);
              }
              return new Opened(note.get(), body, may);
            },
            opened -> {
              if (opened == null) {
                tab.setText("(deleted)");
                deleted = true;
                editor.area().setEditable(false);
                return;
              }
              show(opened.note(), opened.body());
              applyAccess(opened.access());
              whenShown.run();
            },
            "Could not open the note");
  }

  private record Opened(Note note, org.rhizome.graph.VersionedText body, NoteAccess.State access) {}

  /**
   * Opens the note read-only, with the reason above it, when this device may not change it (a
   * reader, a removed person, someone else's protected note); editable again when it may.
   */
  private void applyAccess(NoteAccess.State state) {
    accessState = state;
    access.show(state);
    boolean writable = !state.readOnly() && !deleted;
    editor.area().setEditable(writable);
    title.setEditable(writable);
    properties.node().setDisable(!writable);
  }

  /** Whether this device may not change the note (tests). */
  public boolean isReadOnly() {
    return accessState.readOnly();
  }

  /** The read-only notice, "" when there is none (tests). */
  public String readOnlyNotice() {
    return access.noticeText();
  }

  /** Reads again what this device may do with the note (a role changed, say). */
  private void refreshAccess() {
    context
        .background()
        .load(
            () -> NoteAccess.read(context.workspace(), soul),
            this::applyAccess,
            "Could not read who may change the note");
  }

  private void show(Note note, org.rhizome.graph.VersionedText body) {
    savedTitle = note.title();
    folder = note.folder();
    title.setText(note.title());
    updateTooltip();
    tab.setText(note.title());
    editor.load(body);
    properties.refresh();
    loaded = true;
    if (pendingReveal != null) {
      String fragment = pendingReveal;
      pendingReveal = null;
      reveal(fragment);
    }
  }

  /**
   * Shows a heading (its text) or a block ({@code ^id}) of the note, in whichever view is showing.
   */
  void reveal(String fragment) {
    if (!loaded) {
      pendingReveal = fragment;
    } else if (reading.isSelected() && readingView != null) {
      readingView.reveal(fragment);
    } else {
      int line = NoteAnchors.lineOf(editor.area().getText(), fragment);
      if (line >= 0) {
        editor.goToLine(line);
      }
    }
  }

  /**
   * A task's checkbox in the reading view: the mark (and the ✅ date), through the editor (so it
   * syncs and shows in history).
   */
  private void toggleTask(int offset, char expected, char replacement) {
    if (!editor.area().isEditable()) {
      rerenderReading(); // a read-only note's boxes stay as they are
      return;
    }
    String text = editor.area().getText();
    var edits = org.rhizome.ui.query.TaskTicks.edits(text, offset, expected, context.settings());
    if (!edits.isEmpty()) {
      for (var e : edits) {
        editor.area().replaceText(e.from(), e.to(), e.text());
      }
      editor.flush();
    } else {
      // The text moved on since this page was drawn: show it as it is now rather than edit the
      // wrong place.
      rerenderReading();
    }
  }

  /** Switches between source and reading (Ctrl/Cmd-E). */
  public void toggleReading() {
    reading.setSelected(!reading.isSelected());
  }

  private void showMode(boolean read) {
    if (read) {
      editor.flush();
      if (readingView == null) {
        readingView =
            new ReadingView(context, follower, html.get(), soul, () -> folder, this::toggleTask);
      }
      body.getChildren().setAll(readingView.node());
      readingView.show(editor.area().getText(), isDarkTheme());
      readingView.node().requestFocus();
    } else {
      body.getChildren().setAll(editor.node());
      editor.area().requestFocus();
    }
  }

  private void rerenderReading() {
    if (reading.isSelected() && readingView != null) {
      readingView.show(editor.area().getText(), isDarkTheme());
    }
  }

  private boolean isDarkTheme() {
    return tab.getTabPane() != null
        && tab.getTabPane().getScene() != null
        && tab.getTabPane().getScene().getRoot().getStyleClass().contains("dark");
  }

  void focus() {
    if (reading.isSelected() && readingView != null) {
      readingView.node().requestFocus();
    } else {
      editor.area().requestFocus();
    }
  }

  /** Puts the caret in the title field, selected, for renaming (F2). */
  public void editTitle() {
    title.requestFocus();
    title.selectAll();
  }

  /**
   * Renames the note to what the title field holds. False when the title is refused at once (it
   * stays in the field, the reason under it); a refusal from the engine later (the title is taken)
   * is shown the same way, the typed title still in the field.
   */
  private boolean rename() {
    String typed = title.getText();
    String wanted = typed.strip();
    if (wanted.equals(savedTitle) || accessState.readOnly()) {
      showTitleError(null);
      return true;
    }
    try {
      org.rhizome.graph.note.NoteTitles.check(wanted);
    } catch (org.rhizome.graph.api.InvalidTitleException e) {
      showTitleError(e.getMessage());
      return false;
    }
    String before = savedTitle;
    savedTitle = wanted;
    tab.setText(wanted);
    editor.flush();
    var renamed = context.workspace().renameNoteAsync(soul, wanted);
    renamed.whenComplete(
        (changes, failure) ->
            Platform.runLater(
                () -> {
                  if (failure != null) {
                    savedTitle = before;
                    tab.setText(before);
                    updateTooltip();
                    // Keep what was typed: the person fixes it, nothing is silently thrown away.
                    if (title.getText().strip().equals(wanted)) {
                      showTitleError("Not renamed: " + reason(failure));
                    }
                  } else {
                    updateTooltip();
                  }
                }));
    return true;
  }

  /** Shows (or, for null, hides) the message under the title. */
  private void showTitleError(@Nullable String message) {
    titleError.setText(message == null ? "" : message);
    titleError.setVisible(message != null);
    titleError.setManaged(message != null);
  }

  /** The message under the title, "" when none (tests). */
  public String titleError() {
    return titleError.isVisible() ? titleError.getText() : "";
  }

  /** The title field (tests). */
  public TextField titleField() {
    return title;
  }

  private static String reason(Throwable failure) {
    Throwable t = failure;
    while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }

  /**
   * A change event: passes it to the editor, picks up a title or folder changed elsewhere ({@code
   * fieldsChanged}), and refreshes the reading view when the text changed.
   */
  void onChanges(ChangeEvent event, boolean fieldsChanged, boolean touched) {
    editor.onChanges(event);
    if (loaded && NoteAccess.mayChangeAccess(event)) {
      refreshAccess();
    }
    boolean readingNeedsIt = touched && reading.isSelected() && readingView != null;
    if ((fieldsChanged || readingNeedsIt) && !title.isFocused()) {
      context
          .background()
          .load(
              () -> context.workspace().findNote(soul),
              note -> {
                if (note.isEmpty()) {
                  tab.setText(savedTitle + " (deleted)");
                  deleted = true;
                  editor.area().setEditable(false);
                } else if (!note.get().title().equals(savedTitle) && !title.isFocused()) {
                  savedTitle = note.get().title();
                  title.setText(savedTitle);
                  tab.setText(savedTitle);
                }
                if (note.isPresent()) {
                  folder = note.get().folder();
                  updateTooltip();
                }
                if (note.isPresent() && reading.isSelected() && readingView != null) {
                  readingView.show(note.get().body(), isDarkTheme());
                }
              },
              "Could not refresh the note");
    }
  }

  /** The tab's tooltip says where the note lives. */
  private void updateTooltip() {
    tab.setTooltip(new Tooltip(folder.isEmpty() ? savedTitle : folder + "/" + savedTitle));
  }

  /** The note's folder ({@code ""} for the root). */
  public String folder() {
    return folder;
  }

  void close() {
    context.settings().theme().removeListener(lookChanged);
    context.settings().themeFamily().removeListener(lookChanged);
    context.settings().editorFontSize().removeListener(lookChanged);
    if (readingView != null) {
      readingView.close();
    }
    editor.close();
  }

  String title() {
    return savedTitle;
  }
}
