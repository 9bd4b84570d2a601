package org.rhizome.app.cli.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.app.cli.common.InvalidInputException;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.membership.Grant;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.membership.Role;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.replication.invite.Invite;
import org.rhizome.sync.replication.invite.SharedWorkspaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rhizome invite}: registers an invite in a shared workspace and prints it as one line. The
 * line is a secret: whoever holds it can join until it expires.
 */
@Command(
    name = "invite",
    description = {
      "Invite a person (or, with --device, another device of yours) to a shared workspace.",
      "Prints one line for `rhizome join`; it is a secret until it expires.",
      "The invite carries where to reach this device: --address, else the listen addresses of the running `rhizome serve`."
    })
public final class InviteCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Option(
      names = "--device",
      description = "Invite another device of yours (it joins as you) instead of a new member.")
  private boolean device;

  @Option(
      names = "--role",
      paramLabel = "ROLE",
      defaultValue = "writer",
      description =
          "What a new member may do: reader, writer or admin (default: ${DEFAULT-VALUE}; only an"
              + " admin invites new people). A device joins with your own role.")
  private String role = "writer";

  @Option(
      names = "--valid",
      paramLabel = "DURATION",
      defaultValue = "7d",
      converter = DurationConverter.class,
      description = "How long the invite can be used (default: ${DEFAULT-VALUE}).")
  private Duration valid = Duration.ofDays(7);

  @Option(
      names = "--address",
      paramLabel = "MULTIADDR",
      converter = MultiaddrConverter.class,
      description = "Where the new device can reach this one (repeatable).")
  private List<Multiaddr> addresses = new ArrayList<>();

  @Option(
      names = "--no-addresses",
      description = "Carry no address: the devices will find each other by mDNS.")
  private boolean noAddresses;

  record Printed(
      String invite,
      String workspace,
      String grant,
      String role,
      String expires,
      List<String> addresses) {}

  @Override
  public Integer call() throws Exception {
    String name = cli.workspaceName();
    try (Workspace ws = cli.openWorkspace()) {
      if (ws.membership().mode() == MembershipMode.OPEN) {
        throw new InvalidInputException(
            "Workspace \""
                + name
                + "\" is a personal workspace, which has no members to invite."
                + " Create a shared one with `rhizome workspace create NAME` and invite to that.");
      }
      if (SharedWorkspaces.joinPending(ws)) {
        throw new InvalidInputException(
            "This device has not finished joining \""
                + name
                + "\" yet: run `rhizome serve --workspace "
                + name
                + "` until it has, then invite.");
      }
      List<Multiaddr> reach = reachableAddresses(name);
      Grant grant = device ? Grant.DEVICE : Grant.MEMBER;
      Role granted = MemberCommand.role(role);
      Invite invite = SharedWorkspaces.invite(ws, grant, granted, valid, reach);
      String line = invite.format();
      if (cli.isJson()) {
        cli.printJson(
            new Printed(
                line,
                name,
                grant.name().toLowerCase(Locale.ROOT),
                device
                    ? ws.membership().myRole().map(Role::wireName).orElse("")
                    : granted.wireName(),
                Instant.now().plus(valid).toString(),
                reach.stream().map(Object::toString).toList()));
      } else {
        cli.out().println(line);
        cli.out().flush();
      }
    }
    return ExitCodes.OK;
  }

  private List<Multiaddr> reachableAddresses(String name) throws Exception {
    if (noAddresses) {
      if (!addresses.isEmpty()) {
        throw new InvalidInputException("--no-addresses and --address contradict each other.");
      }
      return List.of();
    }
    if (!addresses.isEmpty()) {
      return addresses;
    }
    Optional<ServeStatus> serving = ServeStatusFile.readLive(cli.dataDirectory(), name);
    if (serving.isEmpty()) {
      throw new InvalidInputException(
          "The invite needs an address where this device can be reached: start `rhizome serve --workspace "
              + name
              + "` first, or pass --address MULTIADDR (or --no-addresses to rely on mDNS).");
    }
    List<Multiaddr> out = new ArrayList<>();
    for (String a : serving.get().listenAddresses()) {
      out.add(Multiaddr.parse(a));
    }
    return out;
  }
}
