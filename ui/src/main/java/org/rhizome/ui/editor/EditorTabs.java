package org.rhizome.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.ChangeEvent;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.names.NoteNameIndex;
import org.rhizome.ui.workbench.AppContext;
import org.rhizome.ui.workbench.ChangedNotes;

/**
 * The main area: notes and other views (graph, history…) in tabs. One tab per note; opening an open
 * note selects its tab. Keeps {@link #activeNote} for the panes around it.
 *
 * <p>FX thread only.
 */
public final class EditorTabs {
  private final AppContext context;
  private final NoteNameIndex names;
  private final LinkFollower follower;

  /** Built on first use (reading view): Flexmark's parser is a few hundred classes to load. */
  private final java.util.function.Supplier<MarkdownHtml> html = new LazyMarkdownHtml();

  private final TabPane tabs = new TabPane();
  private final StackPane root = new StackPane();
  private final Map<Soul, NoteTab> notes = new HashMap<>();
  private final Map<String, Tab> views = new HashMap<>();
  private final ReadOnlyObjectWrapper<@Nullable Soul> activeNote = new ReadOnlyObjectWrapper<>();

  public EditorTabs(AppContext context, NoteNameIndex names) {
    this.context = context;
    this.names = names;
    this.follower = new LinkFollower(context);
    follower.onReveal((soul, fragment) -> noteTab(soul).ifPresent(tab -> tab.reveal(fragment)));
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
    tabs.setTabDragPolicy(TabPane.TabDragPolicy.REORDER);
    tabs.getStyleClass().add("editor-tabs");
    Label empty =
        new Label(
            "No note open.\nCtrl+O finds one, Ctrl+N starts one.".replace("Ctrl", shortcutName()));
    empty.getStyleClass().add("empty-editor");
    empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(tabs.getTabs()));
    root.getChildren().addAll(empty, tabs);
    tabs.visibleProperty().bind(empty.visibleProperty().not());
    tabs.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, tab) -> {
              NoteTab note = tab == null ? null : noteTabOf(tab);
              activeNote.set(note == null ? null : note.soul());
              if (note != null) {
                javafx.application.Platform.runLater(note::focus);
              }
            });
    context.onChanges(this::onChanges);
  }

  static String shortcutName() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac")
        ? "⌘"
        : "Ctrl";
  }

  public Node node() {
    return root;
  }

  public TabPane tabPane() {
    return tabs;
  }

  /** The note of the selected tab; null when a view (or nothing) is selected. */
  public ReadOnlyObjectProperty<@Nullable Soul> activeNote() {
    return activeNote.getReadOnlyProperty();
  }

  public Optional<NoteTab> activeNoteTab() {
    Tab tab = tabs.getSelectionModel().getSelectedItem();
    return Optional.ofNullable(tab == null ? null : noteTabOf(tab));
  }

  public Optional<NoteTab> noteTab(Soul soul) {
    return Optional.ofNullable(notes.get(soul));
  }

  /** Opens (or selects) the note's tab. {@code whenShown} runs once its text is in the editor. */
  public NoteTab openNote(Soul soul, Runnable whenShown) {
    NoteTab open = notes.get(soul);
    if (open != null) {
      tabs.getSelectionModel().select(open.tab());
      open.focus();
      whenShown.run();
      return open;
    }
    NoteTab tab = new NoteTab(context, soul, names, follower, html);
    notes.put(soul, tab);
    tab.tab()
        .setOnClosed(
            e -> {
              notes.remove(soul);
              tab.close();
            });
    tabs.getTabs().add(tab.tab());
    tabs.getSelectionModel().select(tab.tab());
    tab.load(
        () -> {
          if (tabs.getSelectionModel().getSelectedItem() == tab.tab()) {
            tab.focus();
          }
          whenShown.run();
        });
    return tab;
  }

  /** Shows a view in a tab, once per key (see {@code Workbench#openTab}). */
  public Tab openView(String key, String title, Supplier<Node> content) {
    Tab existing = views.get(key);
    if (existing != null) {
      tabs.getSelectionModel().select(existing);
      return existing;
    }
    Tab tab = new Tab(title, content.get());
    tab.setOnClosed(e -> views.remove(key));
    views.put(key, tab);
    tabs.getTabs().add(tab);
    tabs.getSelectionModel().select(tab);
    return tab;
  }

  /** Closes the selected tab (Ctrl/Cmd-W). */
  public void closeSelected() {
    Tab tab = tabs.getSelectionModel().getSelectedItem();
    if (tab != null) {
      tabs.getTabs().remove(tab);
      if (tab.getOnClosed() != null) {
        tab.getOnClosed().handle(null);
      }
    }
  }

  /** The open notes, left to right (to restore them on the next start). */
  public List<Soul> openNotes() {
    List<Soul> out = new ArrayList<>();
    for (Tab t : tabs.getTabs()) {
      NoteTab note = noteTabOf(t);
      if (note != null) {
        out.add(note.soul());
      }
    }
    return out;
  }

  /** Index of the selected tab among {@link #openNotes()}, or 0. */
  public int activeNoteIndex() {
    Soul active = activeNote.get();
    int i = active == null ? -1 : openNotes().indexOf(active);
    return Math.max(0, i);
  }

  /** Writes every editor's pending edits (before closing the window). */
  public void flushAll() {
    notes.values().forEach(n -> n.editor().flush());
  }

  public boolean hasUnsavedEdits() {
    return notes.values().stream().anyMatch(n -> n.editor().hasUnsavedEdits());
  }

  private void onChanges(ChangeEvent event) {
    Set<Soul> fieldsSet = ChangedNotes.fieldsSet(event);
    Set<Soul> touched = ChangedNotes.of(event);
    for (NoteTab tab : List.copyOf(notes.values())) {
      tab.onChanges(event, fieldsSet.contains(tab.soul()), touched.contains(tab.soul()));
    }
  }

  private static @Nullable NoteTab noteTabOf(Tab tab) {
    return tab.getUserData() instanceof NoteTab n ? n : null;
  }
}
