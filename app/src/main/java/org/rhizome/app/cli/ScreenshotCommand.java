package org.rhizome.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.app.gui.GuiLauncher;
import org.rhizome.app.gui.GuiUnavailableException;
import org.rhizome.graph.Workspace;
import org.rhizome.ui.peers.SyncExtension;
import org.rhizome.ui.screenshot.ScreenshotTaker;
import org.rhizome.ui.screenshot.Screenshots;
import org.rhizome.ui.shell.DesktopApp;
import org.rhizome.ui.shell.DesktopSession;
import org.rhizome.ui.shell.UiServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rhizome screenshot --out DIR}: opens the real window on the data directory's workspace (an
 * empty one gets the welcome notes), takes each shot of {@link Screenshots#standard()} in light and
 * dark, writes PNGs and closes. Needs a display (under CI: {@code xvfb-run -a}).
 */
@Command(
    name = "screenshot",
    description = {
      "Open the window, write PNGs of its main views in light and dark, close.",
      "Needs a display (e.g. xvfb-run -a rhizome screenshot --out shots)."
    })
final class ScreenshotCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Where to write the PNGs.")
  private Path out;

  @Override
  public Integer call() throws Exception {
    try (Workspace workspace = cli.openWorkspace();
        SyncExtension sync = GuiLauncher.syncExtension(cli.dataDirectory())) {
      DesktopSession session;
      try {
        session =
            DesktopApp.open(
                UiServices.of(workspace, cli.dataDirectory().root()).withExtensions(List.of(sync)));
      } catch (RuntimeException | UnsatisfiedLinkError e) {
        throw new GuiUnavailableException(
            "Cannot open the window (" + e.getMessage() + "); screenshots need a display.", e);
      }
      try {
        session.ready().get();
        List<Path> files = ScreenshotTaker.take(session, Screenshots.standard(), out);
        if (cli.isJson()) {
          cli.printJson(files.stream().map(Path::toString).toList());
        } else {
          files.forEach(f -> cli.out().println(f));
          cli.out().flush();
        }
      } finally {
        Platform.runLater(session::close);
        session.closed().get();
        Platform.exit();
      }
    }
    return ExitCodes.OK;
  }
}
