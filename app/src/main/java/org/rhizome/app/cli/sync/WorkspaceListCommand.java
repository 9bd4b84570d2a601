package org.rhizome.app.cli.sync;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.app.data.DataDirectory;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.sync.replication.invite.SharedWorkspaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code rhizome workspace list}: every {@code workspaces/*.db} with its id, mode, members, sync
 * and note count.
 */
@Command(name = "list", description = "List the workspaces of the data directory.")
final class WorkspaceListCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  /** {@code mode}: "open" (personal, no members) or "members"; {@code members} counts devices. */
  record Entry(
      String name,
      String id,
      String mode,
      int members,
      boolean sync,
      boolean joinPending,
      long notes,
      boolean serving) {}

  record Listing(List<Entry> workspaces) {}

  @Override
  public Integer call() throws Exception {
    DataDirectory data = cli.dataDirectory();
    List<Entry> entries = new ArrayList<>();
    Path dir = data.workspacesDirectory();
    if (Files.isDirectory(dir)) {
      DeviceKey key = data.loadOrCreateDeviceKey();
      List<Path> files = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.db")) {
        stream.forEach(files::add);
      }
      files.sort(null);
      for (Path file : files) {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".db".length());
        if (DataDirectory.isValidWorkspaceName(name)) {
          entries.add(describe(data, name, file, key));
        }
      }
    }
    if (cli.isJson()) {
      cli.printJson(new Listing(entries));
      return ExitCodes.OK;
    }
    if (entries.isEmpty()) {
      cli.out().println("No workspaces yet in " + data.root() + ".");
    }
    for (Entry e : entries) {
      cli.out()
          .printf(
              "%-20s %s  %-7s %3d members  sync %-3s %6d notes%s%s%n",
              e.name(),
              e.id(),
              e.mode(),
              e.members(),
              e.sync() ? "on" : "off",
              e.notes(),
              e.joinPending() ? "  (join pending)" : "",
              e.serving() ? "  (served)" : "");
    }
    cli.out().flush();
    return ExitCodes.OK;
  }

  private static Entry describe(DataDirectory data, String name, Path file, DeviceKey key)
      throws Exception {
    try (Workspace ws = Workspace.open(file, key)) {
      MembershipMode mode = ws.membership().mode();
      int members = mode == MembershipMode.OPEN ? 0 : ws.membership().members().size();
      boolean sync = ws.localSetting(SharedWorkspaces.ENABLED).map("true"::equals).orElse(false);
      return new Entry(
          name,
          ws.id().hex(),
          mode.name().toLowerCase(Locale.ROOT),
          members,
          sync,
          SharedWorkspaces.joinPending(ws),
          ws.noteCount(),
          isServing(data, name));
    }
  }

  private static boolean isServing(DataDirectory data, String name) {
    try {
      return ServeStatusFile.readLive(data, name).isPresent();
    } catch (IOException e) {
      return false;
    }
  }
}
