package org.rhizome.ui.shell;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ListCell;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.NoteFolders;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.ui.switcher.Overlay;
import org.rhizome.ui.switcher.PickerView;
import org.rhizome.ui.workbench.AppContext;

/**
 * The commands that make notes: a new note, today's daily note, a note from a template, and
 * deleting one. Titles are chosen and checked in the background; the note opens when it exists.
 *
 * <p>A template is any note tagged {@code #template}; its body (the tag removed) starts the new
 * note, with {@code {{title}}} and {{date}} filled in. The daily note uses the template titled
 * {@value #DAILY_TEMPLATE} when there is one.
 *
 * <p>FX thread only.
 */
final class NoteCommands {
  static final String DAILY_TEMPLATE = "Daily template";
  static final String TEMPLATE_TAG = "template";
  private static final String UNTITLED = "Untitled";

  private final AppContext context;
  private final Consumer<Soul> openForTitle;
  private final PickerView<NoteRef> templates;

  /**
   * @param openForTitle opens a new note with its title field selected, so the person names it
   */
  NoteCommands(AppContext context, Overlay overlay, Consumer<Soul> openForTitle) {
    this.context = context;
    this.openForTitle = openForTitle;
    this.templates =
        new PickerView<>(
            overlay,
            context.background(),
            "Choose a template…",
            this::templatesMatching,
            v ->
                new ListCell<>() {
                  @Override
                  protected void updateItem(NoteRef item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : item.title());
                  }
                },
            this::newFromTemplate);
    templates.setHint(
        "Notes tagged #" + TEMPLATE_TAG + " are templates; {{title}} and {{date}} are filled in");
  }

  void newNote() {
    String folder = folder();
    create(ws -> new NewNote(folder, freeTitle(ws, folder, UNTITLED), ""), true);
  }

  /** The default folder for new notes, as the settings have it (FX thread). */
  private String folder() {
    return context.settings().defaultFolder().get().strip();
  }

  void dailyNote() {
    String today = LocalDate.now().toString();
    String folder = folder();
    context
        .background()
        .load(
            () -> {
              Workspace ws = context.workspace();
              Optional<NoteRef> existing = ws.resolve(NoteFolders.path(folder, today));
              if (existing.isPresent()) {
                return existing.get().soul();
              }
              Optional<NoteRef> template = ws.resolve(DAILY_TEMPLATE);
              String body = "# " + today + "\n\n";
              if (template.isPresent()) {
                body = find(ws, template.get().soul()).map(b -> fill(b, today)).orElse(body);
              }
              return ws.createNote(folder, today, body);
            },
            context::openNote,
            "Could not open today's daily note");
  }

  void chooseTemplate() {
    templates.show();
  }

  void delete(Soul soul, String title) {
    Alert confirm =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            "Delete \""
                + title
                + "\"? It goes to the trash "
                + "(the Trash tab in the sidebar), from where it can be restored with its history.",
            ButtonType.CANCEL,
            ButtonType.OK);
    confirm.setHeaderText(null);
    confirm.setTitle("Delete note");
    confirm
        .showAndWait()
        .filter(b -> b == ButtonType.OK)
        .ifPresent(
            b ->
                context
                    .background()
                    .reportFailure(
                        context.workspace().deleteNoteAsync(soul),
                        "Could not delete \"" + title + "\""));
  }

  private List<NoteRef> templatesMatching(String query) {
    try {
      String q = query.strip().toLowerCase(java.util.Locale.ROOT);
      return context.workspace().notesTagged(TEMPLATE_TAG, 500).stream()
          .filter(n -> n.title().toLowerCase(java.util.Locale.ROOT).contains(q))
          .toList();
    } catch (StoreException e) {
      context.errors().report("Could not list the templates", e);
      return List.of();
    }
  }

  private void newFromTemplate(NoteRef template) {
    String folder = folder();
    create(
        ws -> {
          String title = freeTitle(ws, folder, UNTITLED);
          String body = find(ws, template.soul()).map(b -> fill(b, title)).orElse("");
          return new NewNote(folder, title, body);
        },
        true);
  }

  private record NewNote(String folder, String title, String body) {}

  private interface NoteMaker {
    NewNote make(Workspace ws) throws StoreException;
  }

  private void create(NoteMaker maker, boolean selectTitle) {
    context
        .background()
        .load(
            () -> {
              NewNote n = maker.make(context.workspace());
              return context.workspace().createNote(n.folder(), n.title(), n.body());
            },
            soul -> {
              if (selectTitle) {
                openForTitle.accept(soul);
              } else {
                context.openNote(soul);
              }
            },
            "Could not create the note");
  }

  private static Optional<String> find(Workspace ws, Soul soul) throws StoreException {
    return ws.findNote(soul).map(n -> n.body());
  }

  /** A template's body for a new note: the template tag dropped, placeholders filled. */
  static String fill(String template, String title) {
    String body =
        template.replaceAll("(?i)(^|\\s)#" + TEMPLATE_TAG + "(?![\\p{L}\\p{N}_/-])", "$1");
    body = body.replaceAll("(?im)^tags:\\s*\\[?\\s*" + TEMPLATE_TAG + "\\s*\\]?\\s*$\\R?", "");
    // Front matter that held only the template tag is dropped whole.
    body = body.replaceFirst("\\A---\\R---\\R?", "");
    return body.replace("{{title}}", title)
        .replace("{{date}}", LocalDate.now().toString())
        .stripLeading();
  }

  /**
   * {@code base}, or {@code base 2}, {@code base 3}… whichever no note in {@code folder} has.
   * Blocking.
   */
  static String freeTitle(Workspace ws, String folder, String base) throws StoreException {
    if (ws.resolve(NoteFolders.path(folder, base)).isEmpty()) {
      return base;
    }
    for (int i = 2; i < 10_000; i++) {
      String t = base + " " + i;
      if (ws.resolve(NoteFolders.path(folder, t)).isEmpty()) {
        return t;
      }
    }
    return base + " " + System.currentTimeMillis();
  }
}
