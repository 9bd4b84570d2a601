package org.rhizome.app.cli.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.rhizome.app.data.DataDirectory;
import org.rhizome.graph.Workspace;
import org.rhizome.ui.shell.DesktopApp;
import org.rhizome.ui.shell.DesktopSession;
import org.rhizome.ui.shell.Pulses;
import org.rhizome.ui.shell.UiServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code rhizome bench ui-probe DIR} (hidden): what {@code bench ui} runs in a fresh JVM to time a
 * start — open the workspace and the window as the app does, wait until the last session's note is
 * in the editor and a frame has been laid out with it, print {@code READY <ms since JVM start>
 * <process CPU ms>}, and exit.
 */
@Command(name = "ui-probe", hidden = true)
final class UiProbeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    DataDirectory data = new DataDirectory(dataDir);
    try (Workspace ws = data.openDefaultWorkspace()) {
      DesktopSession session = DesktopApp.open(UiServices.of(ws, data.root()));
      session.ready().get(60, TimeUnit.SECONDS);
      CompletableFuture<Long> frame = new CompletableFuture<>();
      Platform.runLater(() -> Pulses.next(session.stage().getScene()).thenAccept(frame::complete));
      frame.get(60, TimeUnit.SECONDS);
      long sinceStart =
          System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
      long cpuMillis =
          ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                  .getProcessCpuTime()
              / 1_000_000;
      System.out.println("READY " + sinceStart + " " + cpuMillis);
      System.out.flush();
      CompletableFuture<Void> closed = session.closed();
      Platform.runLater(session::close);
      closed.get(30, TimeUnit.SECONDS);
    }
    Platform.exit();
    return 0;
  }
}
