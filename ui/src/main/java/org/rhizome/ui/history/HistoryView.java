package org.rhizome.ui.history;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.Note;
import org.rhizome.graph.query.BodyVersion;
import org.rhizome.graph.query.TextVersionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A note's history: its versions, newest first (from the change log: when, and who — the member's
 * name and device key fingerprint), and for the selected one a diff, either against the current
 * text or showing what that version changed; "Restore" makes the body equal to it again as a new
 * change (history keeps everything). Follows the workspace: a new edit of the note, local or from a
 * peer, reloads the list.
 *
 * <p>FX thread only. Reads the workspace on {@code background}; call {@link #close()} when the view
 * is discarded, to stop following the workspace.
 */
public final class HistoryView extends BorderPane implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HistoryView.class);
  public static final int MAX_VERSIONS = 1000;

  private final Workspace workspace;
  private final Executor background;
  private final Soul soul;
  private final Label title = new Label("History");
  private final Label status = new Label();
  private final Label count = new Label();
  private boolean closed;
  private final ListView<VersionRow> versions = new ListView<>();
  private final ListView<DiffLine> diff = new ListView<>();
  private final ToggleButton againstCurrent = new ToggleButton("Against current");
  private final ToggleButton madeHere = new ToggleButton("Its own changes");
  private final CheckBox wholeText = new CheckBox("All lines");
  private final Button restore = new Button("Restore");
  private final javafx.scene.layout.StackPane restoreHolder =
      new javafx.scene.layout.StackPane(restore);
  private final Tooltip readOnlyTip = new Tooltip();
  private static final String RESTORE_TIP =
      "Make the note's text this version's again, as a new version (nothing is lost)";
  private final Label summary = new Label();
  private final AutoCloseable subscription;
  private int listGeneration;
  private int diffGeneration;
  private boolean restoring;

  /**
   * Why this device may not restore a version (a reader, someone else's protected note), or null.
   */
  private @org.jspecify.annotations.Nullable String readOnly;

  public HistoryView(Workspace workspace, Executor background, Soul soul) {
    this.workspace = workspace;
    this.background = background;
    this.soul = soul;
    getStyleClass().add("history-view");
    getStylesheets().add(HistoryView.class.getResource("history.css").toExternalForm());
    setTop(header());
    SplitPane split = new SplitPane(versionPane(), diffPane());
    split.setDividerPositions(0.28);
    SplitPane.setResizableWithParent(split.getItems().get(0), false);
    setCenter(split);
    subscription =
        workspace.subscribe(
            event -> {
              boolean touched =
                  event.changes().stream()
                      .flatMap(c -> c.ops().stream())
                      .anyMatch(
                          op ->
                              op.soul().equals(soul) // an edit, a delete, a restore
                                  // a role or removal: who wrote what, and who may restore
                                  || op.soul()
                                      .value()
                                      .startsWith(
                                          org.rhizome.graph.membership.SystemSouls.SYSTEM_PREFIX));
              if (touched) {
                Platform.runLater(this::reload);
              }
            });
    reload();
  }

  private HBox header() {
    title.getStyleClass().add("history-title");
    status.getStyleClass().add(Styles.TEXT_MUTED);
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    HBox bar = new HBox(12, title, spring, status);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 12, 8, 12));
    bar.getStyleClass().add("history-header");
    return bar;
  }

  private BorderPane versionPane() {
    versions.getStyleClass().add("version-list");
    versions.setCellFactory(list -> new VersionCell(list.widthProperty()));
    versions.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> showDiff());
    versions.setPlaceholder(new Label("No versions yet"));
    count.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    count.setPadding(new Insets(8, 10, 8, 10));
    BorderPane pane = new BorderPane(versions);
    pane.setTop(count);
    pane.setMinWidth(190);
    return pane;
  }

  private BorderPane diffPane() {
    ToggleGroup mode = new ToggleGroup();
    againstCurrent.setToggleGroup(mode);
    madeHere.setToggleGroup(mode);
    againstCurrent.getStyleClass().add(Styles.LEFT_PILL);
    madeHere.getStyleClass().add(Styles.RIGHT_PILL);
    againstCurrent.setSelected(true);
    againstCurrent.setTooltip(
        new Tooltip("What changed from this version to the note as it is now"));
    madeHere.setTooltip(new Tooltip("What this version changed in the version before it"));
    mode.selectedToggleProperty()
        .addListener(
            (obs, old, now) -> {
              if (now == null) {
                old.setSelected(true);
              } else {
                showDiff();
              }
            });
    wholeText.selectedProperty().addListener((obs, old, now) -> showDiff());
    restore.getStyleClass().add(Styles.ACCENT);
    restore.setTooltip(new Tooltip(RESTORE_TIP));
    wholeText.setTooltip(
        new Tooltip("Show the unchanged lines too, not only those around the changes"));
    restore.setDisable(true);
    restore.setOnAction(e -> restoreSelected());
    summary.getStyleClass().add(Styles.TEXT_MUTED);
    for (javafx.scene.control.Control c :
        java.util.List.of(againstCurrent, madeHere, restore, wholeText)) {
      c.setMinWidth(Region.USE_PREF_SIZE);
    }
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    HBox tools = new HBox(10, new HBox(againstCurrent, madeHere), spring, restoreHolder);
    tools.setAlignment(Pos.CENTER_LEFT);
    tools.setPadding(new Insets(8, 12, 8, 12));
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox footer = new HBox(10, summary, gap, wholeText);
    footer.setAlignment(Pos.CENTER_LEFT);
    footer.setPadding(new Insets(6, 12, 6, 12));
    diff.getStyleClass().addAll("diff-list", Styles.DENSE);
    diff.setCellFactory(list -> new DiffCell(list.widthProperty()));
    diff.setPlaceholder(placeholder("Select a version"));
    diff.setFocusTraversable(false);
    BorderPane pane = new BorderPane(diff);
    pane.setTop(tools);
    pane.setBottom(footer);
    return pane;
  }

  private static Label placeholder(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("diff-empty");
    return l;
  }

  /** Reads the note's versions again (after an edit, a restore, or a change from a peer). */
  public void reload() {
    if (closed) {
      return;
    }
    int mine = ++listGeneration;
    background.execute(
        () -> {
          try {
            java.util.Optional<Note> live = workspace.findNote(soul);
            String noteTitle =
                live.isPresent()
                    ? live.get().title()
                    : workspace
                        .findInTrash(soul.value())
                        .filter(t -> t.soul().equals(soul))
                        .map(t -> t.title() + " (in the trash)")
                        .orElse("a deleted note");
            List<BodyVersion> found = workspace.bodyVersions(soul, MAX_VERSIONS);
            String why = workspace.membership().whyReadOnly(soul).orElse(null);
            AuthorNames names = new AuthorNames(workspace);
            List<VersionRow> rows = new ArrayList<>(found.size());
            for (int i = 0; i < found.size(); i++) {
              rows.add(
                  new VersionRow(
                      found.get(i), names.of(found.get(i).author()), i == 0 && live.isPresent()));
            }
            Platform.runLater(
                () -> {
                  if (mine == listGeneration) {
                    readOnly = why;
                    showVersions(noteTitle, rows);
                  }
                });
          } catch (Exception e) {
            failed("Could not read the history of this note (see the log).", e);
          }
        });
  }

  private void showVersions(String noteTitle, List<VersionRow> rows) {
    title.setText("History of " + noteTitle);
    long selected =
        versions.getSelectionModel().getSelectedItem() == null
            ? -1
            : versions.getSelectionModel().getSelectedItem().version().logPosition();
    versions.setItems(FXCollections.observableArrayList(rows));
    count.setText(
        rows.size() == MAX_VERSIONS
            ? "The latest " + MAX_VERSIONS + " versions"
            : rows.size() + (rows.size() == 1 ? " version" : " versions"));
    int keep = -1;
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).version().logPosition() == selected) {
        keep = i;
      }
    }
    versions.getSelectionModel().select(keep >= 0 ? keep : Math.min(1, rows.size() - 1));
  }

  private void showDiff() {
    VersionRow row = versions.getSelectionModel().getSelectedItem();
    int index = versions.getSelectionModel().getSelectedIndex();
    restore.setDisable(row == null || row.current() || restoring || readOnly != null);
    // A disabled button gets no hover: the reason sits on its holder.
    if (readOnly != null) {
      readOnlyTip.setText(readOnly);
      Tooltip.install(restoreHolder, readOnlyTip);
    } else {
      Tooltip.uninstall(restoreHolder, readOnlyTip);
    }
    if (row == null || closed) {
      diff.getItems().clear();
      summary.setText("");
      return;
    }
    boolean changesOnly = madeHere.isSelected();
    @Nullable TextVersionInfo previous =
        index + 1 < versions.getItems().size()
            ? versions.getItems().get(index + 1).version()
            : null;
    TextVersionInfo newest = versions.getItems().get(0).version();
    boolean fold = !wholeText.isSelected();
    int mine = ++diffGeneration;
    background.execute(
        () -> {
          try {
            String selected = workspace.bodyAt(soul, row.version());
            String before;
            String after;
            if (changesOnly) {
              before = previous == null ? "" : workspace.bodyAt(soul, previous);
              after = selected;
            } else {
              before = selected;
              after = workspace.bodyAt(soul, newest);
            }
            List<DiffLine> lines = LineDiff.of(before, after, fold);
            Platform.runLater(
                () -> {
                  if (mine == diffGeneration) {
                    showLines(lines, before.equals(after), changesOnly);
                  }
                });
          } catch (Exception e) {
            failed("Could not read this version (see the log).", e);
          }
        });
  }

  private void showLines(List<DiffLine> lines, boolean same, boolean changesOnly) {
    int[] counts = LineDiff.counts(lines);
    diff.setPlaceholder(
        placeholder(
            changesOnly
                ? "This version changed nothing"
                : "This version is the same as the current text"));
    diff.setItems(
        FXCollections.observableArrayList(same && !wholeText.isSelected() ? List.of() : lines));
    summary.setText(same ? "No differences" : "+" + counts[0] + " −" + counts[1] + " lines");
  }

  /**
   * Makes the note's text the selected version's again, as one new change marked as a restore. If
   * the note is in the trash, the same change brings it back.
   */
  private void restoreSelected() {
    VersionRow row = versions.getSelectionModel().getSelectedItem();
    if (row == null || row.current()) {
      return;
    }
    restoring = true;
    restore.setDisable(true);
    String when = row.when(java.time.ZoneId.systemDefault(), java.time.LocalDate.now());
    status.setText("Restoring the version of " + when + "…");
    background.execute(
        () -> {
          try {
            boolean wasDeleted = workspace.findNote(soul).isEmpty();
            workspace
                .restoreBodyAsync(soul, row.version())
                .whenComplete(
                    (change, failure) ->
                        Platform.runLater(
                            () -> {
                              restoring = false;
                              if (failure != null) {
                                log.error(
                                    "could not restore {} to version {}",
                                    soul,
                                    row.version().logPosition(),
                                    failure);
                                Throwable cause =
                                    failure instanceof java.util.concurrent.CompletionException
                                            && failure.getCause() != null
                                        ? failure.getCause()
                                        : failure;
                                status.setText(
                                    cause instanceof org.rhizome.graph.api.NoteException
                                        ? cause.getMessage()
                                        : "Could not restore this version (see the log).");
                              } else {
                                status.setText(
                                    wasDeleted
                                        ? "Brought the note back from the trash with the version of "
                                            + when
                                            + "."
                                        : change.isPresent()
                                            ? "Restored the version of "
                                                + when
                                                + " as a new version."
                                            : "The note already has this text.");
                                versions.getSelectionModel().clearSelection();
                              }
                              reload();
                            }));
          } catch (Exception e) {
            Platform.runLater(() -> restoring = false);
            failed("Could not restore this version (see the log).", e);
          }
        });
  }

  private void failed(String sentence, Exception e) {
    log.error("history of {}: {}", soul, sentence, e);
    Platform.runLater(() -> status.setText(sentence));
  }

  /** The note whose history this is. */
  public Soul soul() {
    return soul;
  }

  ListView<VersionRow> versionList() {
    return versions;
  }

  ListView<DiffLine> diffList() {
    return diff;
  }

  Button restoreButton() {
    return restore;
  }

  Label statusLabel() {
    return status;
  }

  /** Stops following the workspace. */
  @Override
  public void close() {
    closed = true;
    listGeneration++;
    diffGeneration++;
    try {
      subscription.close();
    } catch (Exception e) {
      log.warn("could not unsubscribe the history of {}", soul, e);
    }
  }
}
