package org.rhizome.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.vault.VaultMirror;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rhizome mirror [DIR | --off] [--workspace W] [--run]}: turns the two-way folder mirror of
 * a workspace on or off (it then runs while the app or {@code serve} runs), shows it, or runs it
 * here.
 */
@Command(
    name = "mirror",
    description = {
      "Keep a folder of Markdown and a workspace in step both ways (opt-in per workspace).",
      "With DIR: turn the mirror on for that folder; with --off: turn it off; with neither: show it.",
      "The mirror runs while the app or `rhizome serve` runs; --run runs it in this terminal until Ctrl-C."
    })
final class MirrorCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "The folder to mirror.")
  private @Nullable Path dir;

  @Option(names = "--off", description = "Stop mirroring this workspace.")
  private boolean off;

  @Option(names = "--run", description = "Run the mirror in the foreground until interrupted.")
  private boolean run;

  record Json(@Nullable String folder) {}

  @Override
  public Integer call() throws Exception {
    try (Workspace ws = cli.openWorkspace()) {
      if (off) {
        VaultMirror.configure(ws, null);
      } else if (dir != null) {
        VaultMirror.configure(ws, dir);
      }
      Optional<VaultMirror> mirror = VaultMirror.configured(ws);
      if (cli.isJson()) {
        cli.printJson(new Json(mirror.map(m -> m.folder().toString()).orElse(null)));
      } else {
        cli.out().println(mirror.map(m -> "Mirroring " + m.folder()).orElse("The mirror is off."));
        cli.out().flush();
      }
      if (run && mirror.isPresent()) {
        try (VaultMirror m = mirror.get()) {
          m.start();
          cli.out().println("Running; press Ctrl-C to stop.");
          cli.out().flush();
          new CountDownLatch(1).await();
        }
      }
    }
    return ExitCodes.OK;
  }
}
