package org.rhizome.ui.sidebar;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.ui.workbench.AppContext;
import org.rhizome.ui.workbench.ChangedNotes;

/**
 * The sidebar's notes: a tree of folders and notes, filtered as you type (title or folder), notes
 * sorted by title or by time, the open note highlighted. The tree is built in the background and
 * rebuilt a moment after changes settle; folders stay open or closed as the person left them.
 *
 * <p>FX thread only.
 */
public final class NoteListView {
  /** Beyond this a list is not a way to find a note; the switcher and search are. */
  static final int MAX_LISTED = 200_000;

  /**
   * The first load lists this many notes (by title) and shows them, then lists them all: in a big
   * workspace the list has rows to show long before all of them are read and sorted.
   */
  static final int FIRST_PAGE = 500;

  private final AppContext context;
  private final TreeView<Object> tree = new TreeView<>();
  private final TextField filter = new TextField();
  private final ComboBox<NoteSort> sort =
      new ComboBox<>(FXCollections.observableArrayList(NoteSort.values()));
  private final Label count = new Label();
  private final PauseTransition reloadLater = new PauseTransition(Duration.millis(400));
  private final PauseTransition rebuildLater = new PauseTransition(Duration.millis(120));
  private final Set<String> expanded = new HashSet<>();
  private final AtomicLong buildTicket = new AtomicLong();
  private final VBox root;
  private List<NoteRef> notes = List.of();

  /** How many notes there are, when only the first page of them is listed; else -1. */
  private long total = -1;

  private boolean loadedOnce;
  private boolean firstPagePending;
  private boolean reloadAfterFirstPage;
  private final CompletableFuture<Integer> firstShown = new CompletableFuture<>();
  private final CompletableFuture<Integer> allShown = new CompletableFuture<>();
  private final javafx.beans.property.ObjectProperty<@Nullable Soul> active =
      new javafx.beans.property.SimpleObjectProperty<>();
  private static final javafx.css.PseudoClass ACTIVE =
      javafx.css.PseudoClass.getPseudoClass("open-note");
  private boolean shownTreeIsFiltered;

  public NoteListView(AppContext context) {
    this.context = context;
    filter.setPromptText("Filter notes");
    filter.getStyleClass().add("sidebar-filter");
    filter.textProperty().addListener((obs, old, text) -> rebuildLater.playFromStart());
    filter.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.DOWN) {
            tree.requestFocus();
            tree.getSelectionModel().selectFirst();
          } else if (e.getCode() == KeyCode.ENTER) {
            firstNote(tree.getRoot()).ifPresent(n -> context.openNote(n.soul()));
          }
        });
    sort.getSelectionModel().select(NoteSort.TITLE);
    sort.setMaxWidth(Double.MAX_VALUE);
    sort.valueProperty().addListener((obs, old, now) -> rebuild());
    tree.setShowRoot(false);
    tree.setCellFactory(v -> new Cell());
    tree.getStyleClass().add("note-list");
    tree.setOnMouseClicked(e -> openSelected());
    tree.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            openSelected();
          }
        });
    count.getStyleClass().addAll("text-muted", "text-small");
    VBox.setVgrow(tree, Priority.ALWAYS);
    root = new VBox(6, filter, sort, tree, count);
    root.setPadding(new Insets(8));
    reloadLater.setOnFinished(e -> reload());
    rebuildLater.setOnFinished(e -> rebuild());
    context.onChanges(
        event -> {
          // Titles, folders, creation and deletion are field sets; text edits only move "last
          // modified".
          if (ChangedNotes.setsFields(event)) {
            reloadLater.setDuration(Duration.millis(400));
            reloadLater.playFromStart();
          } else if (sort.getValue() == NoteSort.MODIFIED) {
            reloadLater.setDuration(Duration.seconds(2));
            reloadLater.playFromStart();
          }
        });
  }

  public Node node() {
    return root;
  }

  public TreeView<Object> treeView() {
    return tree;
  }

  public ComboBox<NoteSort> sort() {
    return sort;
  }

  public TextField filter() {
    return filter;
  }

  /** Marks the open note (each cell follows {@link #active}; no cells are rebuilt). */
  public void setActive(@Nullable Soul soul) {
    active.set(soul);
  }

  /**
   * Lists the notes again (in the background). The first time, the first {@link #FIRST_PAGE} notes
   * are shown first and all of them after.
   */
  public void reload() {
    if (!loadedOnce) {
      loadedOnce = true;
      firstPagePending = true;
      loadFirstPage();
      return;
    }
    if (firstPagePending) {
      reloadAfterFirstPage = true; // the first page's own whole load follows it
      return;
    }
    loadAll();
  }

  /**
   * Completes (FX thread) with the number of rows once the list first shows notes: the first page
   * or, in a small workspace, all of them.
   */
  public CompletableFuture<Integer> firstShown() {
    return firstShown;
  }

  /** Completes (FX thread) with the number of notes once the list first shows all of them. */
  public CompletableFuture<Integer> allShown() {
    return allShown;
  }

  private record Page(List<NoteRef> notes, long total) {}

  private void loadFirstPage() {
    context
        .background()
        .load(
            () -> {
              List<NoteRef> page = context.workspace().listNotes(FIRST_PAGE);
              long all = page.size() < FIRST_PAGE ? page.size() : context.workspace().noteCount();
              return new Page(page, all);
            },
            page -> {
              firstPagePending = false;
              notes = page.notes();
              boolean whole = page.total() <= page.notes().size();
              total = whole ? -1 : page.total();
              if (!whole || reloadAfterFirstPage) {
                loadAll(); // after the page: the whole list is never overtaken by it
              }
              reloadAfterFirstPage = false;
              rebuild();
            },
            "Could not list the notes");
  }

  private void loadAll() {
    context
        .background()
        .load(
            () -> context.workspace().listNotes(MAX_LISTED),
            loaded -> {
              notes = loaded;
              total = -1;
              rebuild();
            },
            "Could not list the notes");
  }

  /** The notes shown, top to bottom (expanded folders only). */
  public List<NoteRef> shownNotes() {
    List<NoteRef> out = new ArrayList<>();
    collect(tree.getRoot(), out);
    return out;
  }

  private void rebuild() {
    rememberExpanded(tree.getRoot());
    long ticket = buildTicket.incrementAndGet();
    List<NoteRef> all = notes;
    long of = total < 0 ? all.size() : total;
    boolean whole = total < 0;
    NoteSort order = sort.getValue();
    String text = filter.getText();
    Set<String> open = Set.copyOf(expanded);
    context
        .background()
        .load(
            () -> NoteTreeBuilder.build(all, order, text, open),
            built -> {
              if (ticket != buildTicket.get()) {
                return;
              }
              Object selected =
                  tree.getSelectionModel().getSelectedItem() == null
                      ? null
                      : tree.getSelectionModel().getSelectedItem().getValue();
              tree.setRoot(built);
              shownTreeIsFiltered = !text.isBlank();
              if (selected != null) {
                select(built, selected);
              }
              int shown = countNotes(built);
              count.setText(
                  !whole
                      ? String.format("%,d of %,d notes (listing the rest…)", shown, of)
                      : shown == all.size()
                          ? all.size() + (all.size() == 1 ? " note" : " notes")
                          : shown + " of " + all.size() + " notes");
              firstShown.complete(shown);
              if (whole) {
                allShown.complete(shown);
              }
            },
            "Could not list the notes");
  }

  private void rememberExpanded(@Nullable TreeItem<Object> item) {
    // A filtered tree has every folder open; that is not the person's choice.
    if (item == null || shownTreeIsFiltered) {
      return;
    }
    for (TreeItem<Object> child : item.getChildren()) {
      if (child.getValue() instanceof NoteTreeBuilder.Folder f) {
        if (child.isExpanded()) {
          expanded.add(f.path());
        } else {
          expanded.remove(f.path());
        }
        rememberExpanded(child);
      }
    }
  }

  private void select(TreeItem<Object> item, Object wanted) {
    for (TreeItem<Object> child : item.getChildren()) {
      Object v = child.getValue();
      boolean same =
          v instanceof NoteRef n && wanted instanceof NoteRef w
              ? n.soul().equals(w.soul())
              : v.equals(wanted);
      if (same) {
        tree.getSelectionModel().select(child);
        return;
      }
      select(child, wanted);
    }
  }

  private static int countNotes(TreeItem<Object> item) {
    int n = 0;
    for (TreeItem<Object> child : item.getChildren()) {
      n += child.getValue() instanceof NoteRef ? 1 : countNotes(child);
    }
    return n;
  }

  private static void collect(@Nullable TreeItem<Object> item, List<NoteRef> out) {
    if (item == null) {
      return;
    }
    for (TreeItem<Object> child : item.getChildren()) {
      if (child.getValue() instanceof NoteRef n) {
        out.add(n);
      } else if (child.isExpanded()) {
        collect(child, out);
      }
    }
  }

  private static java.util.Optional<NoteRef> firstNote(@Nullable TreeItem<Object> item) {
    List<NoteRef> all = new ArrayList<>();
    collect(item, all);
    return all.stream().findFirst();
  }

  private void openSelected() {
    TreeItem<Object> item = tree.getSelectionModel().getSelectedItem();
    if (item != null && item.getValue() instanceof NoteRef n) {
      context.openNote(n.soul());
    }
  }

  private final class Cell extends TreeCell<Object> {
    Cell() {
      active.addListener((obs, old, now) -> markActive());
      org.rhizome.ui.editor.drop.NoteDrag.install(
          this, () -> getItem() instanceof NoteRef n ? n : null); // drag into an editor: [[link]]
    }

    @Override
    protected void updateItem(Object item, boolean empty) {
      super.updateItem(item, empty);
      getStyleClass().remove("folder-row");
      if (empty || item == null) {
        setText(null);
      } else if (item instanceof NoteTreeBuilder.Folder f) {
        setText(f.name() + "  (" + f.notes() + ")");
        getStyleClass().add("folder-row");
      } else if (item instanceof NoteRef n) {
        setText(n.title());
      }
      markActive();
    }

    private void markActive() {
      pseudoClassStateChanged(
          ACTIVE, getItem() instanceof NoteRef n && n.soul().equals(active.get()));
    }
  }
}
