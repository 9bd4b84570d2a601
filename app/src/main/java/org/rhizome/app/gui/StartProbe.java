package org.rhizome.app.gui;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.robot.Robot;
import org.fxmisc.richtext.CodeArea;
import org.rhizome.ui.shell.DesktopApp;
import org.rhizome.ui.shell.DesktopSession;
import org.rhizome.ui.shell.StartSkeleton;

/**
 * Times a real start of the window for {@code bench ui} ({@code RHIZOME_START_PROBE=1} in the
 * environment of an ordinary launch): prints {@code rhizome-start STEP MS} lines on stdout, MS
 * being milliseconds since the process started, and closes the window once it is usable.
 *
 * <p>"On screen" and "usable" are read back from the screen, not taken from an event: the outline
 * counts once a pixel of its sidebar has the sidebar's colour on the display, and the window is
 * usable once the last session's note is in an editable editor and the top of that editor, captured
 * from the display, shows text (pixels unlike its background). Steps: {@code toolkit} (JavaFX
 * started), {@code stage} (the outline's stage shown), {@code laid_out} (its first frame laid out),
 * {@code on_screen} (seen on the display), {@code workspace} (open), {@code built} (the window's
 * parts), {@code note} (the note's text in the editor), {@code usable} (seen on the display), then
 * {@code list_first} and {@code list_all} (the note list's first rows and all of them); last {@code
 * rhizome-start-cpu MS}, the process's CPU time when it was usable.
 */
final class StartProbe implements GuiLauncher.StartWatcher {
  private static final long POLL_MS = 8;
  private static final long GIVE_UP_NANOS = 120_000_000_000L;

  private final PrintStream out;
  private final long startNanos;
  private final ScheduledExecutorService poll =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "rhizome-start-probe");
            t.setDaemon(true);
            return t;
          });

  private StartProbe(PrintStream out) {
    this.out = out;
    long sinceStart =
        ProcessHandle.current()
            .info()
            .startInstant()
            .map(i -> System.currentTimeMillis() - i.toEpochMilli())
            .orElse(0L);
    this.startNanos = System.nanoTime() - sinceStart * 1_000_000;
  }

  /** A probe when {@code RHIZOME_START_PROBE=1}, else a watcher that does nothing. */
  static GuiLauncher.StartWatcher fromEnvironment(Map<String, String> environment) {
    return "1".equals(environment.get("RHIZOME_START_PROBE"))
        ? new StartProbe(System.out)
        : GuiLauncher.StartWatcher.NONE;
  }

  @Override
  public void firstFrame(DesktopApp.FirstFrame first) {
    step("toolkit", first.toolkitStartedNanos());
    step("stage", first.stageShownNanos());
    step("laid_out", first.shownNanos());
    Color sidebar = StartSkeleton.sidebar(first.dark());
    untilSeen(
        "on_screen",
        30_000_000_000L,
        () -> {
          javafx.geometry.Point2D p =
              first.stage().getScene().getRoot().localToScreen(8, StartSkeleton.MENU_HEIGHT + 24);
          double x = p.getX();
          double y = p.getY();
          return close(new Robot().getPixelColor(x, y), sidebar);
        },
        () -> {});
  }

  @Override
  public void workspaceOpened(long nanos) {
    step("workspace", nanos);
  }

  @Override
  public void windowBuilt(DesktopSession session) {
    step("built", System.nanoTime());
    session.window().noteList().firstShown().thenRun(() -> step("list_first", System.nanoTime()));
    session
        .ready()
        .thenRun(
            () -> {
              step("note", System.nanoTime());
              untilSeen(
                  "usable",
                  GIVE_UP_NANOS,
                  () -> textOnScreen(session),
                  () -> {
                    cpu();
                    // The note list and the warm-ups go on after the usable frame; the list's
                    // whole load is reported too, then the window closes as a person would.
                    session
                        .window()
                        .noteList()
                        .allShown()
                        .orTimeout(60, TimeUnit.SECONDS)
                        .whenComplete(
                            (n, e) -> {
                              if (e == null) {
                                step("list_all", System.nanoTime());
                              }
                              out.println("rhizome-start-done");
                              out.flush();
                              Platform.runLater(session::close);
                            });
                  });
            });
  }

  /** Whether the active editor is editable and its top shows text on the display (FX thread). */
  private boolean textOnScreen(DesktopSession session) {
    var tab = session.window().editors().activeNoteTab();
    if (tab.isEmpty() || tab.get().isReading()) {
      return false;
    }
    CodeArea area = tab.get().editor().area();
    if (!area.isEditable() || area.isDisabled() || area.getLength() == 0) {
      return false;
    }
    Bounds b = area.localToScreen(area.getLayoutBounds());
    if (b == null || b.getWidth() < 40 || b.getHeight() < 30) {
      return false;
    }
    int w = (int) Math.min(480, b.getWidth() - 8);
    int h = (int) Math.min(60, b.getHeight() - 8);
    WritableImage shot = new Robot().getScreenCapture(null, b.getMinX() + 4, b.getMinY() + 4, w, h);
    int sw = (int) shot.getWidth();
    int sh = (int) shot.getHeight();
    int[] argb = new int[sw * sh];
    shot.getPixelReader()
        .getPixels(0, 0, sw, sh, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, sw);
    int background = luma(argb[0]);
    int unlike = 0;
    for (int c : argb) {
      if (Math.abs(luma(c) - background) > 90) {
        unlike++;
      }
    }
    return unlike >= 20; // a few glyphs' worth
  }

  /**
   * Checks {@code seen} on the FX thread, again {@link #POLL_MS} after each check has run (so the
   * probe never queues work on a busy FX thread); prints {@code name} when it holds and runs {@code
   * then}.
   */
  private void untilSeen(String name, long giveUpNanos, Supplier<Boolean> seen, Runnable then) {
    long deadline = System.nanoTime() + giveUpNanos;
    Runnable[] check = new Runnable[1];
    check[0] =
        () ->
            Platform.runLater(
                () -> {
                  boolean yes;
                  try {
                    yes = seen.get();
                  } catch (RuntimeException e) {
                    yes = false;
                  }
                  if (yes) {
                    step(name, System.nanoTime());
                    then.run();
                  } else if (System.nanoTime() > deadline) {
                    out.println("rhizome-start-failed " + name);
                    out.flush();
                    then.run();
                  } else {
                    poll.schedule(check[0], POLL_MS, TimeUnit.MILLISECONDS);
                  }
                });
    poll.execute(check[0]);
  }

  private void step(String name, long nanos) {
    out.println("rhizome-start " + name + " " + (nanos - startNanos) / 1_000_000);
    out.flush();
  }

  private void cpu() {
    long ticks = -1;
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      // not Linux: no figure
    }
    out.println("rhizome-start-cpu " + (ticks < 0 ? -1 : ticks * 10));
    out.println("rhizome-start-threads " + threadCpu());
    out.flush();
  }

  /**
   * The CPU ms of each kind of thread so far (names with their numbers dropped: "C2
   * CompilerThread", "QuantumRenderer"), most first: where a start's CPU goes. Linux only.
   */
  private static String threadCpu() {
    Map<String, Long> byName = new java.util.TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
          byName.merge(name.replaceAll("[0-9]+", "N").strip(), ms, Long::sum);
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException | RuntimeException e) {
      return "-";
    }
    StringBuilder b = new StringBuilder();
    byName.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .filter(e -> e.getValue() > 0)
        .forEach(
            e ->
                b.append(e.getKey().replace(' ', '_'))
                    .append('=')
                    .append(e.getValue())
                    .append(' '));
    return b.toString().strip();
  }

  private static int luma(int argb) {
    return (((argb >> 16) & 0xff) * 3 + ((argb >> 8) & 0xff) * 6 + (argb & 0xff)) / 10;
  }

  private static boolean close(Color a, Color b) {
    return Math.abs(a.getRed() - b.getRed()) < 0.02
        && Math.abs(a.getGreen() - b.getGreen()) < 0.02
        && Math.abs(a.getBlue() - b.getBlue()) < 0.02;
  }
}
