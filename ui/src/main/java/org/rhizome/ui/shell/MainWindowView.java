package org.rhizome.ui.shell;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.backlinks.NoteInfoView;
import org.rhizome.ui.editor.EditorTabs;
import org.rhizome.ui.editor.NoteTab;
import org.rhizome.ui.graph.GraphCommands;
import org.rhizome.ui.history.HistoryCommands;
import org.rhizome.ui.names.NoteNameIndex;
import org.rhizome.ui.search.SearchView;
import org.rhizome.ui.settings.SettingsView;
import org.rhizome.ui.sidebar.NoteListView;
import org.rhizome.ui.sidebar.TagListView;
import org.rhizome.ui.switcher.CommandPalette;
import org.rhizome.ui.switcher.Overlay;
import org.rhizome.ui.switcher.QuickSwitcher;
import org.rhizome.ui.workbench.AppContext;
import org.rhizome.ui.workbench.Command;
import org.rhizome.ui.workbench.CommandRegistry;
import org.rhizome.ui.workbench.MainWindow;
import org.rhizome.ui.workbench.WindowState;

/**
 * The main window's content: menu bar; sidebar (notes, tags, search) | editor tabs | note info
 * (backlinks, links, outline, tags); status bar; and the overlay for pickers. Registers the
 * window's commands and implements the kit's {@link MainWindow}, what its parts see of it.
 *
 * <p>FX thread only.
 */
public final class MainWindowView implements MainWindow {
  private final AppContext context;
  private final NoteNameIndex names;
  private final EditorTabs editors;
  private final NoteListView noteList;
  private final TagListView tagList;
  private final SearchView search;
  private final NoteInfoView info;
  private final StatusBar statusBar = new StatusBar();
  private final Overlay overlay = new Overlay();
  private final QuickSwitcher switcher;
  private final CommandPalette palette;
  private final NoteCommands noteCommands;
  private final org.rhizome.ui.trash.TrashView trash;
  private final TabPane sidebar = new TabPane();
  private final Tab searchTab;
  private final Tab tagsTab;
  private final SplitPane panes;
  private final MenuBar menuBar = new MenuBar();
  private final Menu fileMenu = new Menu("_File");
  private final StackPane root;
  private Runnable onQuit = Platform::exit;
  private Runnable toggleTheme = () -> {};

  /**
   * @param root the scene's root, already on screen (empty until now): the window fills it
   */
  public MainWindowView(AppContext context, StackPane root) {
    this.context = context;
    context.attach(this);
    context.errors().showWith(statusBar::error);
    context
        .errors()
        .explainWith(
            failure -> org.rhizome.ui.repair.DamageNotice.of(failure, context.workspace().file()));
    this.names = new NoteNameIndex(context);
    this.editors = new EditorTabs(context, names);
    this.noteList = new NoteListView(context);
    this.tagList = new TagListView(context);
    this.search = new SearchView(context);
    this.info = new NoteInfoView(context, this::goToLine, this::showTag);
    this.switcher = new QuickSwitcher(context, names, overlay);
    this.palette = new CommandPalette(context, overlay);
    this.noteCommands = new NoteCommands(context, overlay, this::openForTitle);

    Tab notesTab = fixedTab("Notes", noteList.node());
    tagsTab = fixedTab("Tags", tagList.node());
    searchTab = fixedTab("Search", search.node());
    sidebar.getTabs().addAll(notesTab, tagsTab, searchTab);
    holdUntilSelected(tagsTab);
    holdUntilSelected(searchTab);
    sidebar.setSide(Side.TOP);
    sidebar.getStyleClass().add("sidebar");
    editors
        .activeNote()
        .addListener(
            (obs, old, soul) -> {
              info.show(soul);
              noteList.setActive(soul);
            });

    new NoteStats(context, editors, statusBar);
    panes = new SplitPane(sidebar, editors.node(), info.node());
    panes.getStyleClass().add("main-panes");
    SplitPane.setResizableWithParent(sidebar, false);
    SplitPane.setResizableWithParent(info.node(), false);
    registerCommands();
    buildMenus();
    GraphCommands.install(context, this);
    HistoryCommands.install(context, this);
    this.trash = org.rhizome.ui.trash.TrashCommands.install(context, this);
    org.rhizome.ui.query.QueryCommands.install(context, this);
    BorderPane frame = new BorderPane(panes);
    frame.setTop(menuBar);
    frame.setBottom(statusBar.node());
    this.root = root;
    root.getChildren().setAll(frame, overlay.node());
    if (!root.getStyleClass().contains("rhizome-root")) {
      root.getStyleClass().add("rhizome-root");
    }
  }

  @Override
  public Node root() {
    return root;
  }

  /** Wires scene-level things (accelerators, theme toggling) once the scene exists. */
  void attachTo(Scene scene, ThemeApplier theme, Runnable quit) {
    context.commands().attachTo(scene);
    this.toggleTheme = theme::toggle;
    this.onQuit = quit;
    scene.addEventFilter(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ESCAPE && overlay.isShowing()) {
            overlay.hide();
            e.consume();
          }
        });
  }

  // ---- MainWindow, for the parts inside

  @Override
  public void openNote(Soul soul) {
    editors.openNote(soul, () -> {});
  }

  /** Opens a note and runs {@code whenShown} once its text is in the editor (tests, the bench). */
  public NoteTab openNote(Soul soul, Runnable whenShown) {
    return editors.openNote(soul, whenShown);
  }

  @Override
  public Tab openTab(String key, String title, Supplier<Node> content) {
    return editors.openView(key, title, content);
  }

  @Override
  public Pane syncStatusSlot() {
    return statusBar.syncSlot();
  }

  // ---- parts, for the window's owner, tests and screenshots

  public EditorTabs editors() {
    return editors;
  }

  public NoteListView noteList() {
    return noteList;
  }

  public SearchView search() {
    return search;
  }

  public QuickSwitcher switcher() {
    return switcher;
  }

  public CommandPalette palette() {
    return palette;
  }

  public StatusBar statusBar() {
    return statusBar;
  }

  public Overlay overlay() {
    return overlay;
  }

  public NoteNameIndex names() {
    return names;
  }

  @Override
  public ObservableValue<@Nullable Soul> activeNote() {
    return editors.activeNote();
  }

  @Override
  public Optional<Tab> activeNoteTab() {
    return editors.activeNoteTab().map(NoteTab::tab);
  }

  /** The trash, in its sidebar tab. */
  public org.rhizome.ui.trash.TrashView trash() {
    return trash;
  }

  /** Adds a tab to the sidebar, after Notes, Tags and Search (the trash). */
  @Override
  public void addSidebarTab(Tab tab) {
    sidebar.getTabs().add(tab);
  }

  /** Shows the sidebar with {@code tab} selected. */
  @Override
  public void showSidebarTab(Tab tab) {
    ensureSidebar();
    sidebar.getSelectionModel().select(tab);
  }

  /** The File menu: others add their items (import, export) here. */
  @Override
  public Menu fileMenu() {
    return fileMenu;
  }

  @Override
  public MenuBar menuBar() {
    return menuBar;
  }

  /** The window state to remember: geometry comes from the stage, pane widths from here. */
  WindowState windowState(double x, double y, double width, double height, boolean maximized) {
    double[] d = panes.getDividerPositions();
    return new WindowState(
        x,
        y,
        width,
        height,
        maximized,
        d.length > 0 ? d[0] : Double.NaN,
        d.length > 1 ? d[1] : Double.NaN);
  }

  void restorePanes(WindowState state) {
    panes.setDividerPositions(state.sidebarDivider(), state.infoDivider());
  }

  /** Loads the sidebar's lists (after start-up, once the first note is shown). */
  void loadLists() {
    noteList.reload();
    tagList.reload();
  }

  /** Opens the search pane with its query field focused (Ctrl/Cmd-Shift-F). */
  public void showSearch() {
    ensureSidebar();
    sidebar.getSelectionModel().select(searchTab);
    search.focus();
  }

  private void showTag(String tag) {
    ensureSidebar();
    sidebar.getSelectionModel().select(tagsTab);
    tagList.showTag(tag);
  }

  private void goToLine(Soul soul, int line) {
    editors.openNote(soul, () -> editors.noteTab(soul).ifPresent(t -> t.editor().goToLine(line)));
  }

  private void openForTitle(Soul soul) {
    editors.openNote(soul, () -> editors.noteTab(soul).ifPresent(NoteTab::editTitle));
  }

  private void ensureSidebar() {
    if (!panes.getItems().contains(sidebar)) {
      panes.getItems().add(0, sidebar);
    }
  }

  private void toggle(Node pane, int index) {
    if (panes.getItems().contains(pane)) {
      panes.getItems().remove(pane);
    } else {
      panes.getItems().add(Math.min(index, panes.getItems().size()), pane);
    }
  }

  /**
   * The tab's content joins the window when the tab is first selected: the tags and search panes
   * (their controls' skins and style) cost nothing at start, when the note list is what shows.
   */
  private static void holdUntilSelected(Tab tab) {
    Node content = tab.getContent();
    if (tab.isSelected() || content == null) {
      return;
    }
    tab.setContent(null);
    javafx.beans.value.ChangeListener<Boolean> show =
        new javafx.beans.value.ChangeListener<>() {
          @Override
          public void changed(
              ObservableValue<? extends Boolean> obs, Boolean was, Boolean selected) {
            if (selected) {
              tab.selectedProperty().removeListener(this);
              tab.setContent(content);
            }
          }
        };
    tab.selectedProperty().addListener(show);
  }

  private static Tab fixedTab(String title, Node content) {
    Tab tab = new Tab(title, content);
    tab.setClosable(false);
    return tab;
  }

  private void registerCommands() {
    CommandRegistry c = context.commands();
    c.register("note.new", "New note", shortcut(KeyCode.N), noteCommands::newNote);
    c.register(
        "note.fromTemplate",
        "New note from template",
        shortcut(KeyCode.N, KeyCombination.SHIFT_DOWN),
        noteCommands::chooseTemplate);
    c.register(
        "note.daily",
        "Open today's daily note",
        shortcut(KeyCode.D, KeyCombination.SHIFT_DOWN),
        noteCommands::dailyNote);
    c.register("switcher.open", "Quick switcher: open a note", shortcut(KeyCode.O), switcher::show);
    c.register("palette.open", "Command palette", shortcut(KeyCode.P), palette::show);
    c.register(
        "search.open",
        "Search in all notes",
        shortcut(KeyCode.F, KeyCombination.SHIFT_DOWN),
        this::showSearch);
    c.register(
        "editor.toggleReading",
        "Toggle reading view",
        shortcut(KeyCode.E),
        () -> editors.activeNoteTab().ifPresent(NoteTab::toggleReading));
    c.register(
        "editor.followLink",
        "Follow the link under the cursor",
        shortcut(KeyCode.ENTER),
        () -> editors.activeNoteTab().ifPresent(t -> t.editor().followLinkAtCaret()));
    c.register(
        "editor.find",
        "Find in note",
        shortcut(KeyCode.F),
        () ->
            editors
                .activeNoteTab()
                .filter(t -> !t.isReading())
                .ifPresent(t -> t.editor().assist().find().openFind()));
    c.register(
        "editor.replace",
        "Replace in note",
        shortcut(KeyCode.H),
        () ->
            editors
                .activeNoteTab()
                .filter(t -> !t.isReading())
                .ifPresent(t -> t.editor().assist().find().openReplace()));
    c.register(
        "note.rename",
        "Rename note",
        new KeyCodeCombination(KeyCode.F2),
        () -> editors.activeNoteTab().ifPresent(NoteTab::editTitle));
    c.register(
        "note.delete",
        "Delete note",
        null,
        () ->
            editors
                .activeNoteTab()
                .ifPresent(t -> noteCommands.delete(t.soul(), t.tab().getText())));
    c.register(
        "editor.undo",
        "Undo",
        null,
        () -> editors.activeNoteTab().ifPresent(t -> t.editor().area().undo()));
    c.register(
        "editor.redo",
        "Redo",
        null,
        () -> editors.activeNoteTab().ifPresent(t -> t.editor().area().redo()));
    c.register("tab.close", "Close tab", shortcut(KeyCode.W), editors::closeSelected);
    c.register(
        "view.sidebar",
        "Show or hide the sidebar",
        shortcut(KeyCode.BACK_SLASH),
        () -> toggle(sidebar, 0));
    c.register(
        "view.info",
        "Show or hide the backlinks pane",
        shortcut(KeyCode.BACK_SLASH, KeyCombination.SHIFT_DOWN),
        () -> toggle(info.node(), 2));
    c.register(
        "view.focusInfo",
        "Go to the backlinks pane",
        shortcut(KeyCode.B, KeyCombination.SHIFT_DOWN),
        () -> {
          if (!panes.getItems().contains(info.node())) {
            panes.getItems().add(info.node());
          }
          info.focus();
        });
    c.register(
        "view.notes",
        "Show the note list",
        shortcut(KeyCode.L, KeyCombination.SHIFT_DOWN),
        () -> {
          ensureSidebar();
          sidebar.getSelectionModel().select(0);
          noteList.filter().requestFocus();
        });
    c.register(
        "theme.toggle",
        "Toggle dark mode",
        shortcut(KeyCode.T, KeyCombination.SHIFT_DOWN),
        () -> toggleTheme.run());
    c.register(
        "settings.open",
        "Settings",
        shortcut(KeyCode.COMMA),
        () -> openTab("settings", "Settings", () -> new SettingsView(context).node()));
    c.register("app.quit", "Quit Rhizome", shortcut(KeyCode.Q), () -> onQuit.run());
  }

  private void buildMenus() {
    fileMenu
        .getItems()
        .addAll(
            item("note.new"),
            item("note.fromTemplate"),
            item("note.daily"),
            new SeparatorMenuItem(),
            item("note.rename"),
            item("note.delete"),
            item("tab.close"),
            new SeparatorMenuItem(),
            item("settings.open"),
            new SeparatorMenuItem(),
            item("app.quit"));
    Menu edit =
        new Menu(
            "_Edit",
            null,
            item("editor.undo"),
            item("editor.redo"),
            new SeparatorMenuItem(),
            item("editor.find"),
            item("editor.replace"),
            item("editor.followLink"),
            item("search.open"));
    Menu view =
        new Menu(
            "_View",
            null,
            item("switcher.open"),
            item("palette.open"),
            new SeparatorMenuItem(),
            item("editor.toggleReading"),
            item("view.notes"),
            item("view.focusInfo"),
            item("view.sidebar"),
            item("view.info"),
            new SeparatorMenuItem(),
            item("theme.toggle"));
    menuBar.getMenus().addAll(fileMenu, edit, view);
  }

  /** A menu item that runs a registered command and shows its shortcut. */
  @Override
  public MenuItem item(String commandId) {
    Command command = context.commands().find(commandId).orElseThrow();
    MenuItem item = new MenuItem(command.name());
    item.setOnAction(e -> command.action().run());
    // The menu installs the same key in the scene's accelerator map (replacing the registry's entry
    // for it, which runs the same command), so the shortcut shows here and still runs once.
    item.setAccelerator(command.shortcut());
    item.setUserData(command.id());
    return item;
  }

  static KeyCombination shortcut(KeyCode key, KeyCombination.Modifier... more) {
    KeyCombination.Modifier[] all = new KeyCombination.Modifier[more.length + 1];
    all[0] = KeyCombination.SHORTCUT_DOWN;
    System.arraycopy(more, 0, all, 1, more.length);
    return new KeyCodeCombination(key, all);
  }
}
