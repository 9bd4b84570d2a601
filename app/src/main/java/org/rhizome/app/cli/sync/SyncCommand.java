package org.rhizome.app.cli.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.Refusal;
import org.rhizome.graph.membership.Member;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rhizome sync …}: what sync did. */
@Command(
    name = "sync",
    description = "What sync did with a workspace's changes.",
    subcommands = {SyncCommand.Log.class})
public final class SyncCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing a sync command: log.");
  }

  /** {@code rhizome sync log}: the changes this replica refused, and why. */
  @Command(
      name = "log",
      description = {
        "List the changes this replica refused for good, newest first: when, from whom, what, why.",
        "A refused change is never silent; it is listed once however often peers offer it again."
      })
  static final class Log implements Callable<Integer> {
    @Mixin private CliContext cli;

    @Option(
        names = "--limit",
        paramLabel = "N",
        defaultValue = "50",
        description = "At most this many (default: ${DEFAULT-VALUE}).")
    private int limit = 50;

    record Entry(String at, String from, String fromName, long seq, String reason, String detail) {}

    record Listing(String workspace, List<Entry> refused) {}

    @Override
    public Integer call() throws Exception {
      cli.requirePositive("--limit", limit);
      try (Workspace ws = cli.openWorkspace()) {
        List<Entry> entries = new ArrayList<>();
        for (Refusal r : ws.recentRefusals(limit)) {
          Optional<String> name =
              r.actor() == null ? Optional.empty() : ws.membership().memberName(r.actor());
          entries.add(
              new Entry(
                  r.at().toString(),
                  r.actor() == null ? "" : r.actor().hex(),
                  name.orElse(""),
                  r.seq(),
                  r.reason().name(),
                  r.detail()));
        }
        if (cli.isJson()) {
          cli.printJson(new Listing(cli.workspaceName(), entries));
          return ExitCodes.OK;
        }
        if (entries.isEmpty()) {
          cli.out().println("Nothing refused.");
        }
        for (Entry e : entries) {
          String who =
              e.from().isEmpty()
                  ? "unknown sender"
                  : (e.fromName().isEmpty() ? "" : e.fromName() + " ")
                      + Member.fingerprint(org.rhizome.graph.model.ActorId.parse(e.from()));
          cli.out().println(e.at() + "  " + e.reason() + "  change #" + e.seq() + " from " + who);
          cli.out().println("    " + e.detail());
        }
        cli.out().flush();
      }
      return ExitCodes.OK;
    }
  }
}
