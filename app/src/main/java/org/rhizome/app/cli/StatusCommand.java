package org.rhizome.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.app.cli.sync.ServeStatus;
import org.rhizome.app.cli.sync.ServeStatusFile;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.WorkspaceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code rhizome status}: which workspace and device, how much is stored, the version vector, and a
 * digest of the graph that is equal on two replicas exactly when their graphs are equal.
 */
@Command(
    name = "status",
    description = {
      "Workspace id, device (actor) id, counts, version vector and state digest.",
      "Two replicas hold the same graph exactly when their digests are equal.",
      "With a `rhizome serve` running on the workspace: its peer id, listen addresses, topic and connected peers."
    })
final class StatusCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  /**
   * {@code versionVector}: actor id → highest contiguous seq held from it. {@code sync}: the
   * running serve's status file, or null when no serve runs on this workspace.
   */
  record Status(
      String workspace,
      String actor,
      long notes,
      long changes,
      Map<String, Long> versionVector,
      String digest,
      String dataDirectory,
      String database,
      String name,
      String mode,
      @Nullable ServeStatus sync) {}

  @Override
  public Integer call() throws Exception {
    WorkspaceStatus s;
    String database;
    String mode;
    try (Workspace workspace = cli.openWorkspace()) {
      s = workspace.status();
      database = workspace.file().toString();
      mode = workspace.membership().mode().name().toLowerCase(java.util.Locale.ROOT);
    }
    ServeStatus sync =
        ServeStatusFile.readLive(cli.dataDirectory(), cli.workspaceName()).orElse(null);
    Map<String, Long> vector = new LinkedHashMap<>();
    s.versionVector().asMap().forEach((actor, seq) -> vector.put(actor.hex(), seq));
    Status status =
        new Status(
            s.workspace().hex(),
            s.actor().hex(),
            s.notes(),
            s.changes(),
            vector,
            s.digest(),
            cli.dataDirectory().root().toString(),
            database,
            cli.workspaceName(),
            mode,
            sync);
    if (cli.isJson()) {
      cli.printJson(status);
      return ExitCodes.OK;
    }
    TextTable table =
        new TextTable(false, false)
            .row("workspace", status.name() + " " + status.workspace() + " (" + mode + ")")
            .row("actor", status.actor())
            .row("notes", Long.toString(status.notes()))
            .row("changes", Long.toString(status.changes()))
            .row("digest", status.digest())
            .row("data directory", status.dataDirectory())
            .row("database", status.database());
    String label = "version vector";
    if (vector.isEmpty()) {
      table.row(label, "(empty)");
    }
    for (Map.Entry<String, Long> entry : vector.entrySet()) {
      table.row(label, entry.getKey() + " " + entry.getValue());
      label = "";
    }
    if (sync == null) {
      table.row("sync", "not running");
    } else {
      table.row("sync", "served by pid " + sync.pid() + " as " + sync.peerId());
      label = "listening";
      for (String a : sync.listenAddresses()) {
        table.row(label, a);
        label = "";
      }
      table.row("topic", sync.topic());
      label = "connected";
      if (sync.connectedPeers().isEmpty()) {
        table.row(label, "(none)");
      }
      for (ServeStatus.Peer p : sync.connectedPeers()) {
        table.row(label, p.peerId() + " " + p.agent());
        label = "";
      }
      table.row("last sync", sync.lastSync() == null ? "never" : sync.lastSync());
      table.row(
          "refused",
          sync.refused()
              + (sync.lastRefusal() == null ? "" : " (last: " + sync.lastRefusal() + ")"));
    }
    table.print(cli.out(), "");
    return ExitCodes.OK;
  }
}
