package org.rhizome.ui.graph;

import atlantafx.base.theme.Styles;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.query.GraphView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graph view: the whole workspace ("Global") or the notes within a few links of one note
 * ("Local", with a depth slider), laid out by a force layout on a background thread and drawn on a
 * canvas. A search field highlights matching notes (Enter flies to the best connected one); a click
 * on a node opens the note.
 *
 * <p>FX thread only. Reads the workspace on {@code background}; call {@link #close()} when the view
 * is discarded, to stop its layout thread.
 */
public final class NoteGraphView extends BorderPane implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NoteGraphView.class);

  /** More notes than this and the global graph keeps the best connected ones. */
  public static final int MAX_GLOBAL_NODES = 25_000;

  public static final int MAX_LOCAL_NODES = 2_000;
  private static final int DEFAULT_DEPTH = 2;

  private final Workspace workspace;
  private final Executor background;
  private final GraphCanvas canvas;
  private final ToggleButton globalButton = new ToggleButton("Global");
  private final ToggleButton localButton = new ToggleButton("Local");
  private final Slider depth = new Slider(1, 5, DEFAULT_DEPTH);
  private final Label depthLabel = new Label();
  private final TextField search = new TextField();
  private final Label status = new Label();
  private final Button refresh = new Button("Reload");
  private final AutoCloseable subscription;
  private @Nullable Soul localCentre;
  private @Nullable Soul selection;
  private int generation;

  /**
   * @param openNote called on the FX thread with the note the user clicked
   */
  public NoteGraphView(Workspace workspace, Executor background, Consumer<Soul> openNote) {
    this.workspace = workspace;
    this.background = background;
    this.canvas =
        new GraphCanvas(
            soul -> {
              localCentre = soul;
              localButton.setDisable(false);
              openNote.accept(soul);
            });
    getStyleClass().add("note-graph-view");
    getStylesheets().add(NoteGraphView.class.getResource("graph.css").toExternalForm());
    setTop(toolbar());
    // The counts sit in a corner of the graph, so the toolbar fits a narrow tab.
    status.getStyleClass().add("graph-status");
    StackPane.setAlignment(status, Pos.BOTTOM_LEFT);
    StackPane.setMargin(status, new Insets(0, 0, 8, 10));
    status.setMouseTransparent(true);
    setCenter(new StackPane(canvas, status));
    canvas.layoutStatsProperty().addListener((obs, old, stats) -> updateStatus());
    // The graph is not redrawn under the person's eyes when notes change (a new layout would move
    // everything); Reload turns to the accent colour to say the picture is out of date.
    subscription = workspace.subscribe(event -> Platform.runLater(this::markOutOfDate));
  }

  private void markOutOfDate() {
    if (canvas.graph() != null && !refresh.getStyleClass().contains(Styles.ACCENT)) {
      refresh.getStyleClass().add(Styles.ACCENT);
      refresh.getTooltip().setText("Notes changed since this graph was drawn: read them again");
    }
  }

  private HBox toolbar() {
    ToggleGroup mode = new ToggleGroup();
    globalButton.setToggleGroup(mode);
    localButton.setToggleGroup(mode);
    globalButton.getStyleClass().add(Styles.LEFT_PILL);
    localButton.getStyleClass().add(Styles.RIGHT_PILL);
    globalButton.setTooltip(new Tooltip("Every note and link in the workspace"));
    localButton.setTooltip(new Tooltip("The notes within a few links of the selected note"));
    localButton.setDisable(true);
    mode.selectedToggleProperty()
        .addListener(
            (obs, old, now) -> {
              if (now == null) {
                old.setSelected(true); // one of the two is always on
              } else if (now == globalButton) {
                showGlobal();
              } else if (localCentre != null) {
                showLocal(localCentre);
              }
            });
    depth.setMajorTickUnit(1);
    depth.setMinorTickCount(0);
    depth.setSnapToTicks(true);
    depth.setPrefWidth(110);
    depth
        .valueProperty()
        .addListener(
            (obs, old, now) -> {
              depthLabel.setText("Depth " + Math.round(now.doubleValue()));
              if (!depth.isValueChanging()
                  && Math.round(old.doubleValue()) != Math.round(now.doubleValue())
                  && localCentre != null
                  && localButton.isSelected()) {
                showLocal(localCentre);
              }
            });
    depthLabel.setText("Depth " + DEFAULT_DEPTH);
    depthLabel.setMinWidth(Region.USE_PREF_SIZE);
    depth.disableProperty().bind(localButton.selectedProperty().not());
    depthLabel.disableProperty().bind(depth.disableProperty());

    search.setPromptText("Highlight notes…");
    search.setPrefColumnCount(14);
    search.setMinWidth(90);
    search.setMaxWidth(260);
    HBox.setHgrow(search, Priority.SOMETIMES);
    search.textProperty().addListener((obs, old, now) -> highlight(now));
    search.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            flyToBestMatch();
          } else if (e.getCode() == KeyCode.ESCAPE) {
            search.clear();
          }
        });

    Button fit = new Button("Fit");
    fit.setTooltip(new Tooltip("Show the whole graph"));
    fit.setOnAction(e -> canvas.fitToView());
    refresh.setTooltip(new Tooltip("Read the notes again and lay them out afresh"));
    refresh.setOnAction(e -> reload());
    status.getStyleClass().add(Styles.TEXT_MUTED);
    for (javafx.scene.control.Control c : List.of(globalButton, localButton, fit, refresh)) {
      c.setMinWidth(Region.USE_PREF_SIZE);
    }
    depth.setMinWidth(60);
    HBox bar =
        new HBox(8, new HBox(globalButton, localButton), depthLabel, depth, search, fit, refresh);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(6, 10, 6, 10));
    bar.getStyleClass().add("graph-toolbar");
    return bar;
  }

  /**
   * Shows every note in the workspace (the best connected {@value #MAX_GLOBAL_NODES} in a bigger
   * one).
   */
  public void showGlobal() {
    if (!globalButton.isSelected()) {
      globalButton.setSelected(true); // the toggle listener comes back here
      return;
    }
    load(() -> workspace.wholeGraph(MAX_GLOBAL_NODES), null);
  }

  /**
   * Marks {@code soul} as the selected note (accent colour, its links drawn, its label shown), now
   * and in graphs loaded later; null clears it.
   */
  public void select(@Nullable Soul soul) {
    selection = soul;
    GraphModel model = canvas.graph();
    canvas.select(model == null || soul == null ? -1 : model.indexOf(soul));
  }

  /** True when the view shows (or is loading) the whole workspace. */
  public boolean isGlobal() {
    return globalButton.isSelected();
  }

  /** Shows the notes within the depth slider's number of links of {@code centre}. */
  public void showLocal(Soul centre) {
    localCentre = centre;
    localButton.setDisable(false);
    if (!localButton.isSelected()) {
      localButton.setSelected(true);
      return;
    }
    int d = (int) Math.round(depth.getValue());
    load(() -> workspace.neighbourhood(centre, d, MAX_LOCAL_NODES), centre);
  }

  private void reload() {
    if (localButton.isSelected() && localCentre != null) {
      showLocal(localCentre);
    } else {
      showGlobal();
    }
  }

  /**
   * Reads the graph on the background executor, then shows it; an older read that finishes late is
   * dropped.
   */
  private void load(GraphSource source, @Nullable Soul centre) {
    int mine = ++generation;
    status.setText("Reading notes…");
    background.execute(
        () -> {
          try {
            GraphModel model = GraphModel.of(source.read());
            Platform.runLater(
                () -> {
                  if (mine == generation) {
                    refresh.getStyleClass().remove(Styles.ACCENT);
                    refresh.getTooltip().setText("Read the notes again and lay them out afresh");
                    canvas.show(model, centre);
                    if (selection != null) {
                      canvas.select(model.indexOf(selection));
                    }
                    highlight(search.getText());
                    updateStatus();
                  }
                });
          } catch (Exception e) {
            log.error("could not read the graph of {}", workspace.file(), e);
            Platform.runLater(
                () -> {
                  if (mine == generation) {
                    status.setText("Could not read the notes (see the log).");
                  }
                });
          }
        });
  }

  @FunctionalInterface
  private interface GraphSource {
    GraphView read() throws Exception;
  }

  private void highlight(@Nullable String query) {
    GraphModel model = canvas.graph();
    if (model == null) {
      return;
    }
    String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    if (q.isEmpty()) {
      canvas.setMatches(null);
      updateStatus();
      return;
    }
    BitSet hits = new BitSet(model.size());
    for (int i = 0; i < model.size(); i++) {
      if (model.titles[i].toLowerCase(Locale.ROOT).contains(q)) {
        hits.set(i);
      }
    }
    canvas.setMatches(hits);
    updateStatus();
  }

  private void flyToBestMatch() {
    GraphModel model = canvas.graph();
    String q = search.getText().strip().toLowerCase(Locale.ROOT);
    if (model == null || q.isEmpty()) {
      return;
    }
    for (int node : model.byDegree) {
      if (model.titles[node].toLowerCase(Locale.ROOT).contains(q)) {
        canvas.select(node);
        canvas.focus(node);
        return;
      }
    }
  }

  private void updateStatus() {
    GraphModel model = canvas.graph();
    if (model == null) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(Locale.ROOT, "%,d notes · %,d links", model.size(), model.edgeFrom.length));
    if (model.truncated) {
      sb.append(" (the best connected)");
    }
    BitSet matches = canvas.matches();
    if (matches != null) {
      int hits = matches.cardinality();
      sb.append(String.format(Locale.ROOT, " · %,d match%s", hits, hits == 1 ? "" : "es"));
    }
    if (canvas.layoutStatsProperty().get() == null) {
      sb.append(" · laying out…");
    }
    status.setText(sb.toString());
  }

  /**
   * Highlights the notes whose title contains {@code text}, as typing it in the search field does.
   */
  public void setHighlight(String text) {
    search.setText(text);
  }

  /** The view's camera: zoom and pan it, then call {@link #cameraMoved()}. */
  public Camera camera() {
    return canvas.camera();
  }

  public void cameraMoved() {
    canvas.cameraMoved();
  }

  /** Set (on the FX thread) when the current layout has settled; null while it runs. */
  public ReadOnlyObjectProperty<@Nullable LayoutStats> layoutStatsProperty() {
    return canvas.layoutStatsProperty();
  }

  /** How long the last redraw took on the FX thread, in ns. */
  public long lastDrawNanos() {
    return canvas.lastDrawNanos();
  }

  GraphCanvas canvas() {
    return canvas;
  }

  /** How long the newest raster of edges and nodes took on its own thread, in ns. */
  public long lastRasterNanos() {
    return canvas.lastRasterNanos();
  }

  /** Stops the view's threads (layout and raster); the view cannot be used afterwards. */
  @Override
  public void close() {
    generation++;
    canvas.close();
    try {
      subscription.close();
    } catch (Exception e) {
      log.warn("could not stop following {}", workspace.file(), e);
    }
  }
}
