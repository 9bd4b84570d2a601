package org.rhizome.ui.graph;

import java.util.BitSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.paint.Color;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rasterises edges and nodes on its own thread ({@code rhizome-graph-raster}), so the FX thread
 * never spends more than a blit on them: the FX thread {@link #post posts} what it wants drawn (the
 * newest request replaces an unstarted older one) and {@link #take takes} the newest finished
 * raster, which it shows under the current camera until a fresher one is ready. Two pixel buffers
 * circulate, so the thread draws into one while the FX thread copies the other into its image.
 *
 * <p>Thread-safe. {@link #close()} stops the thread.
 */
final class GraphRasterizer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GraphRasterizer.class);
  private static final double MIN_NODE_PX = 1.2;
  private static final long MAX_REST_MILLIS = 100;

  /**
   * Beyond this many edges, lines are drawn without anti-aliasing (twice as fast; they overlap
   * anyway).
   */
  private static final int MAX_ANTIALIASED_EDGES = 12_000;

  private static final double MAX_EDGE_OPACITY = 0.55;
  private static final double MIN_EDGE_OPACITY = 0.12;
  private static final double NODE_OPACITY_DIMMED = 0.3;

  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "rhizome-graph-raster");
            t.setDaemon(true);
            return t;
          });
  private final BlockingQueue<RasterRequest> requests = new ArrayBlockingQueue<>(1);
  private final BlockingQueue<int[]> freeBuffers = new ArrayBlockingQueue<>(2);
  private final AtomicReference<@Nullable RasterFrame> finished = new AtomicReference<>();
  private final PixelRaster raster = new PixelRaster();

  GraphRasterizer() {
    freeBuffers.add(new int[0]);
    freeBuffers.add(new int[0]);
    thread.execute(this::run);
  }

  /** Asks for a raster; replaces a request the thread has not started yet. FX thread. */
  void post(RasterRequest request) {
    requests.clear();
    requests.offer(request);
  }

  /**
   * The newest finished raster, or null if none arrived since the last call. Give its pixels back
   * with {@link #recycle}.
   */
  @Nullable RasterFrame take() {
    return finished.getAndSet(null);
  }

  void recycle(int[] pixels) {
    freeBuffers.offer(pixels);
  }

  private void run() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        RasterRequest request = requests.take();
        int[] buffer = freeBuffers.take();
        long start = System.nanoTime();
        raster.use(buffer, request.width(), request.height(), rgb(request.palette().background()));
        drawEdges(request);
        drawNodes(request);
        RasterFrame done = new RasterFrame(request, raster.pixels(), System.nanoTime() - start);
        RasterFrame unshown = finished.getAndSet(done);
        if (unshown != null) {
          recycle(unshown.pixels());
        }
        // Rest a third of the time a raster took: a big graph then leaves the FX thread, JavaFX's
        // renderer and the layout room on a small machine, while the FX thread keeps moving the
        // last raster with the camera. A small graph's raster takes a few ms and barely rests.
        long took = System.nanoTime() - start;
        Thread.sleep(Math.min(MAX_REST_MILLIS, took / 3_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("drawing the graph failed", e);
    }
  }

  static int rgb(Color c) {
    return (int) Math.round(c.getRed() * 255) << 16
        | (int) Math.round(c.getGreen() * 255) << 8
        | (int) Math.round(c.getBlue() * 255);
  }

  private static int alpha(Color c, double opacity) {
    return (int) Math.round(c.getOpacity() * opacity * 256);
  }

  private void drawEdges(RasterRequest q) {
    GraphModel graph = q.graph();
    float[] x = q.frame().x();
    float[] y = q.frame().y();
    double scale = q.scale();
    double ox = q.offsetX();
    double oy = q.offsetY();
    int[] from = graph.edgeFrom;
    int[] to = graph.edgeTo;
    int colour = rgb(q.palette().edge());
    // The more edges, the fainter each: a dense graph stays a readable shade instead of a solid
    // blot.
    double opacity =
        Math.max(
            MIN_EDGE_OPACITY,
            Math.min(
                MAX_EDGE_OPACITY, MAX_EDGE_OPACITY * Math.sqrt(2000.0 / Math.max(1, from.length))));
    int a = alpha(q.palette().edge(), q.matches() != null ? opacity / 3 : opacity);
    double w = q.width();
    double h = q.height();
    boolean antialiased = from.length <= MAX_ANTIALIASED_EDGES;
    for (int e = 0; e < from.length; e++) {
      double x1 = x[from[e]] * scale + ox;
      double y1 = y[from[e]] * scale + oy;
      double x2 = x[to[e]] * scale + ox;
      double y2 = y[to[e]] * scale + oy;
      if ((x1 < 0 && x2 < 0)
          || (y1 < 0 && y2 < 0)
          || (x1 >= w && x2 >= w)
          || (y1 >= h && y2 >= h)) {
        continue;
      }
      if (antialiased) {
        raster.line(x1, y1, x2, y2, colour, a);
      } else {
        raster.fastLine(x1, y1, x2, y2, colour, a);
      }
    }
  }

  private void drawNodes(RasterRequest q) {
    GraphModel graph = q.graph();
    BitSet matches = q.matches();
    int node = rgb(q.palette().node());
    int nodeAlpha = alpha(q.palette().node(), matches != null ? NODE_OPACITY_DIMMED : 1);
    for (int i = 0; i < graph.size(); i++) {
      if (matches == null || !matches.get(i)) {
        fillNode(q, i, node, nodeAlpha);
      }
    }
    if (matches != null) {
      int accent = rgb(q.palette().accent());
      for (int i = matches.nextSetBit(0); i >= 0; i = matches.nextSetBit(i + 1)) {
        fillNode(q, i, accent, 256);
      }
    }
  }

  private void fillNode(RasterRequest q, int i, int colour, int alpha) {
    double r =
        Math.max(
            MIN_NODE_PX, q.graph().screenRadius(i, q.scale() / q.pixelScale()) * q.pixelScale());
    double sx = q.frame().x()[i] * q.scale() + q.offsetX();
    double sy = q.frame().y()[i] * q.scale() + q.offsetY();
    if (sx + r >= 0 && sy + r >= 0 && sx - r < q.width() && sy - r < q.height()) {
      raster.disc(sx, sy, r, 0, colour, alpha);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
