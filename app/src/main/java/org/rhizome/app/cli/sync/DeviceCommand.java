package org.rhizome.app.cli.sync;

import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.membership.Member;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rhizome device …}: this person's devices. */
@Command(
    name = "device",
    description = "Manage devices of a shared workspace.",
    subcommands = {DeviceCommand.Revoke.class})
public final class DeviceCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing a device command: revoke.");
  }

  /** {@code rhizome device revoke DEVICE}: a lost or stolen device writes nothing more. */
  @Command(
      name = "revoke",
      description = {
        "Revoke a device (a lost or stolen one): by another device of its person, or by an admin.",
        "Its changes after the point this device has seen are refused on every replica."
      })
  static final class Revoke implements Callable<Integer> {
    @Mixin private CliContext cli;

    @Parameters(
        index = "0",
        paramLabel = "DEVICE",
        description = "The device: its name or a key (or fingerprint) prefix.")
    private String device;

    record Revoked(String device, String name, long cutOff, long seq) {}

    @Override
    public Integer call() throws Exception {
      try (Workspace ws = MemberCommand.shared(cli)) {
        Member target = ws.membership().device(device);
        Change change = MemberCommand.await(ws.membership().revokeDeviceAsync(target.device()));
        long cut = change.deps().get(target.device());
        if (cli.isJson()) {
          cli.printJson(new Revoked(target.device().hex(), target.name(), cut, change.seq()));
        } else {
          cli.out()
              .println(
                  "Revoked "
                      + (target.name().isEmpty() ? target.fingerprint() : target.name())
                      + ": its changes after #"
                      + cut
                      + " will be refused.");
          cli.out().flush();
        }
      }
      return ExitCodes.OK;
    }
  }
}
