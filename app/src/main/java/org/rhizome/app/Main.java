package org.rhizome.app;

import java.nio.file.Path;
import org.rhizome.app.cli.RhizomeCli;
import org.rhizome.app.cli.common.CliEnvironment;
import org.rhizome.app.cli.common.Phases;
import org.rhizome.app.data.SqliteNativeLibrary;
import org.rhizome.app.gui.GuiLauncher;

/**
 * The entry point of {@code rhizome.jar}: with no command it opens the GUI on the data directory,
 * otherwise it runs the command line; a lone {@code .md} file (the desktop's "Open with") also
 * opens the GUI. Deliberately not a JavaFX {@code Application} so that the jar runs from a plain
 * class path (see {@link GuiLauncher}).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Phases.mark("main");
    String[] commandLine = OpenedFile.isOpenedFile(args) ? new String[0] : args;
    if (GuiLauncher.opensWindow(commandLine)) {
      GuiLauncher.startEarly(commandLine); // the outline shows while the command line is parsed
    }
    if (!asksOnlyVersionOrHelp(commandLine)) {
      SqliteNativeLibrary.useCachedCopy(
          System.getenv(),
          System.getProperty("os.name", ""),
          Path.of(System.getProperty("user.home", ".")));
    }
    Phases.mark("native");
    int exitCode = RhizomeCli.execute(CliEnvironment.system(), commandLine);
    Phases.mark("exit");
    System.exit(exitCode);
  }

  /** {@code --version} or help opens no database: SQLite's library is not needed. */
  private static boolean asksOnlyVersionOrHelp(String[] args) {
    for (String arg : args) {
      if (arg.equals("--version") || arg.equals("-V") || arg.equals("-h") || arg.equals("--help")) {
        return true;
      }
    }
    return false;
  }
}
