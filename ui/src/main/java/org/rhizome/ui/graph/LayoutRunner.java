package org.rhizome.ui.graph;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link ForceLayout} on its own thread ({@code rhizome-graph-layout}) and publishes its
 * positions at most about once per frame: the FX thread takes the latest {@link LayoutFrame} with
 * {@link #latest()} and never waits for the layout. Pins and releases from the mouse arrive as
 * commands, applied between ticks. Once settled the thread sleeps until the next command.
 *
 * <p>Thread-safe. {@link #close()} stops the thread.
 */
final class LayoutRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LayoutRunner.class);
  private static final long PUBLISH_INTERVAL_NANOS = 25_000_000;

  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "rhizome-graph-layout");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
          });
  private final BlockingQueue<Consumer<ForceLayout>> commands = new LinkedBlockingQueue<>();
  private final AtomicReference<LayoutFrame> latest;
  private final Consumer<LayoutStats> onSettled;

  /**
   * Starts laying out {@code graph}; {@code onSettled} is called on the layout thread each time it
   * settles.
   */
  LayoutRunner(GraphModel graph, Consumer<LayoutStats> onSettled) {
    this.onSettled = onSettled;
    ForceLayout layout = new ForceLayout(graph);
    this.latest = new AtomicReference<>(layout.positions());
    thread.execute(() -> run(layout));
  }

  /** The most recent positions (never null; the start positions before the first tick). */
  LayoutFrame latest() {
    return latest.get();
  }

  void pin(int node, float x, float y) {
    commands.add(layout -> layout.pin(node, x, y));
  }

  void release() {
    commands.add(ForceLayout::release);
  }

  private void run(ForceLayout layout) {
    try {
      long started = System.nanoTime();
      java.lang.management.ThreadMXBean cpu =
          java.lang.management.ManagementFactory.getThreadMXBean();
      long cpuStarted = cpu.getCurrentThreadCpuTime();
      long lastPublish = 0;
      boolean reported = false;
      while (!Thread.currentThread().isInterrupted()) {
        @Nullable Consumer<ForceLayout> command =
            layout.isSettled() ? commands.take() : commands.poll();
        while (command != null) {
          command.accept(layout);
          reported = false;
          command = commands.poll();
        }
        if (!layout.isSettled()) {
          layout.tick();
        }
        long now = System.nanoTime();
        if (layout.isSettled() || now - lastPublish >= PUBLISH_INTERVAL_NANOS) {
          latest.set(layout.positions());
          lastPublish = now;
        }
        if (layout.isSettled() && !reported) {
          reported = true;
          onSettled.accept(
              new LayoutStats(
                  layout.ticks(),
                  (now - started) / 1e6,
                  (cpu.getCurrentThreadCpuTime() - cpuStarted) / 1e6));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("the graph layout failed", e);
    }
  }

  /** Stops the thread after its current tick; does not wait (it may be called on the FX thread). */
  @Override
  public void close() {
    thread.shutdownNow();
  }
}
