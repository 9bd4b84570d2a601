package org.rhizome.app.cli.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.rhizome.app.data.DataDirectory;
import org.rhizome.app.gui.GuiLauncher;
import org.rhizome.graph.Workspace;
import org.rhizome.ui.shell.DesktopApp;
import org.rhizome.ui.shell.DesktopSession;
import org.rhizome.ui.shell.Pulses;
import org.rhizome.ui.shell.UiServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code rhizome bench ui-probe DIR} (hidden): what {@code bench ui} runs in a fresh JVM to time a
 * start — open the workspace and the window as the app does (the empty window shown while the
 * workspace opens, then the window built in it), wait until the last session's note is in the
 * editor and a frame has been laid out with it, print {@code READY <ms since JVM start> <process
 * CPU ms> <ms since JVM start to the first frame>}, and exit.
 */
@Command(name = "ui-probe", hidden = true)
final class UiProbeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    DataDirectory data = new DataDirectory(dataDir);
    CompletableFuture<Workspace> opening = GuiLauncher.openInBackground(data);
    DesktopApp.FirstFrame first =
        DesktopApp.showFirst(data.root(), System.getProperty("os.name", ""), System.getenv());
    long firstFrame = sinceStart();
    try (Workspace ws = opening.get(60, TimeUnit.SECONDS)) {
      DesktopSession session = DesktopApp.open(UiServices.of(ws, data.root()), first);
      session.ready().get(60, TimeUnit.SECONDS);
      CompletableFuture<Long> frame = new CompletableFuture<>();
      Platform.runLater(() -> Pulses.next(session.stage().getScene()).thenAccept(frame::complete));
      frame.get(60, TimeUnit.SECONDS);
      long sinceStart = sinceStart();
      long cpuMillis =
          ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                  .getProcessCpuTime()
              / 1_000_000;
      System.out.println("READY " + sinceStart + " " + cpuMillis + " " + firstFrame);
      System.out.flush();
      CompletableFuture<Void> closed = session.closed();
      Platform.runLater(session::close);
      closed.get(30, TimeUnit.SECONDS);
    }
    Platform.exit();
    return 0;
  }

  private static long sinceStart() {
    return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
  }
}
