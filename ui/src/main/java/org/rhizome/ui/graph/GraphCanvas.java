package org.rhizome.ui.graph;

import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.model.Soul;

/**
 * The drawing surface of the graph view: a canvas redrawn on the frames where something changed
 * (new layout positions, camera, hover, selection, search, size or theme). Scroll zooms at the
 * pointer, dragging the background pans, dragging a node moves it (the layout flows around it), and
 * a click on a node opens it. Until the user moves the camera, it keeps the whole graph in view.
 *
 * <p>FX thread only. Its colours are CSS properties ({@code -rz-graph-*}, set from the theme's
 * colours in {@code graph.css}).
 */
final class GraphCanvas extends Region {
  private static final StyleablePropertyFactory<GraphCanvas> CSS =
      new StyleablePropertyFactory<>(Region.getClassCssMetaData());
  private static final double CLICK_SLOP_PX = 4;

  private final StyleableObjectProperty<Color> backgroundColor =
      colour("backgroundColor", "-rz-graph-background", Color.WHITE);
  private final StyleableObjectProperty<Color> edgeColor =
      colour("edgeColor", "-rz-graph-edge", Color.GRAY);
  private final StyleableObjectProperty<Color> nodeColor =
      colour("nodeColor", "-rz-graph-node", Color.DIMGRAY);
  private final StyleableObjectProperty<Color> accentColor =
      colour("accentColor", "-rz-graph-accent", Color.ROYALBLUE);
  private final StyleableObjectProperty<Color> centreColor =
      colour("centreColor", "-rz-graph-centre", Color.ORANGE);
  private final StyleableObjectProperty<Color> labelColor =
      colour("labelColor", "-rz-graph-label", Color.BLACK);

  private final Canvas canvas = new Canvas();
  private final Camera camera = new Camera();
  private final GraphRenderer renderer = new GraphRenderer();
  private final Consumer<Soul> openNote;
  private final ReadOnlyObjectWrapper<@Nullable LayoutStats> layoutStats =
      new ReadOnlyObjectWrapper<>();
  private final AnimationTimer timer =
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          drawIfNeeded();
        }
      };

  private @Nullable GraphModel graph;
  private @Nullable LayoutRunner runner;
  private final GraphRasterizer rasterizer = new GraphRasterizer();
  private @Nullable RasterRequest posted;
  private long lastRasterNanos;
  private @Nullable BitSet matches;
  private int hovered = -1;
  private int selected = -1;
  private int centre = -1;
  private boolean dirty = true;
  private boolean followLayout = true;
  private long lastDrawNanos;
  private boolean running;
  private int idleFrames;
  private static final int IDLE_FRAMES_BEFORE_STOP = 30;

  private int pressedNode = -1;
  private double pressX;
  private double pressY;
  private double lastX;
  private double lastY;
  private boolean moved;

  GraphCanvas(Consumer<Soul> openNote) {
    this.openNote = openNote;
    getStyleClass().add("graph-canvas");
    getChildren().add(canvas);
    setFocusTraversable(true);
    for (StyleableObjectProperty<Color> c :
        List.of(backgroundColor, edgeColor, nodeColor, accentColor, centreColor, labelColor)) {
      // A theme switch changes these while the canvas may be idle (its frame timer stopped): wake
      // it up.
      c.addListener((obs, old, now) -> invalidate());
    }
    setOnMouseMoved(this::mouseMoved);
    setOnMousePressed(this::mousePressed);
    setOnMouseDragged(this::mouseDragged);
    setOnMouseReleased(this::mouseReleased);
    setOnMouseExited(e -> setHovered(-1));
    setOnScroll(this::scrolled);
    sceneProperty()
        .addListener(
            (obs, old, scene) -> {
              if (scene == null) {
                timer.stop();
                running = false;
              } else {
                invalidate();
              }
            });
  }

  private StyleableObjectProperty<Color> colour(String name, String cssName, Color initial) {
    // The factory's properties are StyleableObjectProperty instances; it declares the interface
    // only.
    return (StyleableObjectProperty<Color>)
        CSS.createStyleableColorProperty(
            this,
            name,
            cssName,
            s ->
                switch (name) {
                  case "backgroundColor" -> s.backgroundColor;
                  case "edgeColor" -> s.edgeColor;
                  case "nodeColor" -> s.nodeColor;
                  case "accentColor" -> s.accentColor;
                  case "centreColor" -> s.centreColor;
                  default -> s.labelColor;
                },
            initial);
  }

  public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
    return CSS.getCssMetaData();
  }

  @Override
  public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
    return getClassCssMetaData();
  }

  /** Shows {@code model}, laid out from scratch; the previous layout thread is stopped. */
  void show(GraphModel model, @Nullable Soul centreNote) {
    stopLayout();
    graph = model;
    hovered = -1;
    selected = -1;
    centre = centreNote == null ? -1 : model.indexOf(centreNote);
    matches = null;
    followLayout = true;
    renderer.forget();
    layoutStats.set(null);
    runner =
        new LayoutRunner(
            model,
            stats ->
                javafx.application.Platform.runLater(
                    () -> {
                      if (graph == model) {
                        layoutStats.set(stats);
                      }
                    }));
    invalidate();
  }

  @Nullable GraphModel graph() {
    return graph;
  }

  Camera camera() {
    return camera;
  }

  /** Set when the current layout settles (on the FX thread); null while it runs. */
  ReadOnlyObjectProperty<@Nullable LayoutStats> layoutStatsProperty() {
    return layoutStats.getReadOnlyProperty();
  }

  /**
   * How long the last frame took on the FX thread, in ns (composing the canvas; JavaFX renders it
   * afterwards).
   */
  long lastDrawNanos() {
    return lastDrawNanos;
  }

  /** How long the newest raster of edges and nodes took on the raster thread, in ns. */
  long lastRasterNanos() {
    return lastRasterNanos;
  }

  /** Highlights the nodes in {@code nodes} and dims the others; null clears the search. */
  void setMatches(@Nullable BitSet nodes) {
    matches = nodes;
    invalidate();
  }

  /** The nodes the search highlights, or null when there is no search. */
  @Nullable BitSet matches() {
    return matches;
  }

  void select(int node) {
    selected = node;
    invalidate();
  }

  /** Centres the view on a node, zooming in so its label shows. */
  void focus(int node) {
    LayoutFrame frame = runner == null ? null : runner.latest();
    if (frame == null || node < 0) {
      return;
    }
    followLayout = false;
    camera.zoomAt(Math.max(1, 1.5 / camera.scale()), getWidth() / 2, getHeight() / 2);
    camera.centreOn(frame.x()[node], frame.y()[node], getWidth(), getHeight());
    invalidate();
  }

  void fitToView() {
    followLayout = true;
    invalidate();
  }

  /**
   * Marks the camera as moved by someone else (a command or a benchmark) so the next frame redraws.
   */
  void cameraMoved() {
    followLayout = false;
    invalidate();
  }

  /** Where a node is on this canvas now (local coordinates), or null when it is not shown. */
  @Nullable Point2D positionOf(Soul soul) {
    if (graph == null || runner == null) {
      return null;
    }
    int i = graph.indexOf(soul);
    LayoutFrame shown = renderer.shownFrame();
    LayoutFrame frame = shown != null ? shown : runner.latest();
    return i < 0
        ? null
        : new Point2D(camera.toScreenX(frame.x()[i]), camera.toScreenY(frame.y()[i]));
  }

  /**
   * Something on screen must change: redraw on the next frame (and keep frames coming until idle).
   */
  private void invalidate() {
    dirty = true;
    idleFrames = 0;
    if (!running && getScene() != null) {
      running = true;
      timer.start();
    }
  }

  private void drawIfNeeded() {
    GraphModel model = graph;
    LayoutRunner layout = runner;
    if (model == null || layout == null) {
      return;
    }
    // With the layout settled, the last raster shown and nothing else changing, stop asking
    // JavaFX for frames: an idle graph tab costs nothing.
    if (!dirty
        && layout.latest().settled()
        && posted != null
        && posted.frame() == layout.latest()
        && renderer.shownRequest() == posted
        && ++idleFrames > IDLE_FRAMES_BEFORE_STOP) {
      timer.stop();
      running = false;
      return;
    }
    long start = System.nanoTime();
    LayoutFrame frame = layout.latest();
    if (followLayout) {
      camera.fit(frame, getWidth(), getHeight());
    }
    double pixelScale =
        getScene() != null && getScene().getWindow() != null
            ? getScene().getWindow().getOutputScaleX()
            : 1;
    RasterRequest wanted =
        new RasterRequest(
            model,
            frame,
            pixelScale,
            camera.scale() * pixelScale,
            camera.offsetX() * pixelScale,
            camera.offsetY() * pixelScale,
            Math.max(1, (int) Math.ceil(getWidth() * pixelScale)),
            Math.max(1, (int) Math.ceil(getHeight() * pixelScale)),
            palette(),
            matches);
    if (!wanted.equals(posted)) {
      rasterizer.post(wanted);
      posted = wanted;
      invalidate();
    }
    RasterFrame fresh = rasterizer.take();
    if (fresh != null) {
      if (fresh.request().graph() == model) {
        renderer.accept(fresh);
        lastRasterNanos = fresh.rasterNanos();
      }
      rasterizer.recycle(fresh.pixels());
      invalidate();
    }
    if (!dirty) {
      return;
    }
    renderer.compose(
        canvas.getGraphicsContext2D(),
        canvas.getWidth(),
        canvas.getHeight(),
        pixelScale,
        model,
        camera,
        palette(),
        new GraphRenderer.Emphasis(hovered, selected, centre, matches));
    dirty = false;
    lastDrawNanos = System.nanoTime() - start;
  }

  private GraphPalette palette() {
    return new GraphPalette(
        backgroundColor.get(),
        edgeColor.get(),
        nodeColor.get(),
        accentColor.get(),
        centreColor.get(),
        labelColor.get());
  }

  @Override
  protected void layoutChildren() {
    double w = snapSizeX(getWidth());
    double h = snapSizeY(getHeight());
    if (canvas.getWidth() != w || canvas.getHeight() != h) {
      canvas.setWidth(w);
      canvas.setHeight(h);
      invalidate();
    }
  }

  // ---- mouse

  /**
   * The node under screen point (sx, sy), or -1: the nearest one whose disc (at least 6 px)
   * contains it.
   */
  int nodeAt(double sx, double sy) {
    GraphModel model = graph;
    LayoutFrame frame = renderer.shownFrame();
    if (model == null || frame == null) {
      return -1;
    }
    double lx = camera.toLayoutX(sx);
    double ly = camera.toLayoutY(sy);
    double scale = camera.scale();
    int best = -1;
    double bestD2 = Double.MAX_VALUE;
    for (int i = 0; i < model.size(); i++) {
      double dx = frame.x()[i] - lx;
      double dy = frame.y()[i] - ly;
      double d2 = dx * dx + dy * dy;
      double reach = Math.max(6, model.screenRadius(i, scale)) / scale;
      if (d2 <= reach * reach && d2 < bestD2) {
        best = i;
        bestD2 = d2;
      }
    }
    return best;
  }

  private void setHovered(int node) {
    if (node != hovered) {
      hovered = node;
      invalidate();
      setCursor(node >= 0 ? Cursor.HAND : Cursor.DEFAULT);
    }
  }

  private void mouseMoved(MouseEvent e) {
    setHovered(nodeAt(e.getX(), e.getY()));
  }

  private void mousePressed(MouseEvent e) {
    requestFocus();
    pressedNode = e.getButton() == MouseButton.PRIMARY ? nodeAt(e.getX(), e.getY()) : -1;
    pressX = lastX = e.getX();
    pressY = lastY = e.getY();
    moved = false;
  }

  private void mouseDragged(MouseEvent e) {
    if (Math.hypot(e.getX() - pressX, e.getY() - pressY) > CLICK_SLOP_PX) {
      moved = true;
    }
    if (!moved) {
      return;
    }
    if (pressedNode >= 0 && runner != null) {
      runner.pin(
          pressedNode, (float) camera.toLayoutX(e.getX()), (float) camera.toLayoutY(e.getY()));
      followLayout = false;
    } else {
      camera.panBy(e.getX() - lastX, e.getY() - lastY);
      cameraMoved();
    }
    lastX = e.getX();
    lastY = e.getY();
  }

  private void mouseReleased(MouseEvent e) {
    GraphModel model = graph;
    if (pressedNode >= 0 && model != null) {
      if (moved) {
        if (runner != null) {
          runner.release();
        }
      } else if (e.getButton() == MouseButton.PRIMARY) {
        select(pressedNode);
        openNote.accept(model.souls[pressedNode]);
      }
    }
    pressedNode = -1;
  }

  private void scrolled(ScrollEvent e) {
    if (e.getDeltaY() != 0) {
      camera.zoomAt(Math.pow(1.0025, e.getDeltaY()), e.getX(), e.getY());
      cameraMoved();
    }
  }

  /** Stops the layout thread; the canvas keeps its last picture. */
  void stopLayout() {
    if (runner != null) {
      runner.close();
    }
  }

  /** Stops the layout and raster threads for good. */
  void close() {
    stopLayout();
    rasterizer.close();
  }
}
