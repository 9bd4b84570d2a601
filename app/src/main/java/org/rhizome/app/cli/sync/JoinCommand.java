package org.rhizome.app.cli.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.app.cli.common.InvalidInputException;
import org.rhizome.app.cli.common.ProgressBar;
import org.rhizome.app.cli.common.SyncUnfinishedException;
import org.rhizome.app.data.DataDirectory;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.privacy.EpochKeys;
import org.rhizome.graph.privacy.KeyId;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.replication.ReplicaLock;
import org.rhizome.sync.replication.SyncListener;
import org.rhizome.sync.replication.WorkspaceSync;
import org.rhizome.sync.replication.invite.Invite;
import org.rhizome.sync.replication.invite.SharedWorkspaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rhizome join INVITE}: makes this device's replica of an invited workspace and syncs until
 * it is a member and has caught up, or {@code --wait} runs out (then the join stays pending and
 * {@code rhizome serve} finishes it).
 */
@Command(
    name = "join",
    description = {
      "Join a shared workspace with an invite from `rhizome invite`.",
      "Syncs until this device is a member and has caught up, or --wait runs out (exit 6: the join stays",
      "pending and `rhizome serve --workspace NAME` finishes it). --wait 0s only makes the replica."
    })
public final class JoinCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Parameters(
      index = "0",
      paramLabel = "INVITE",
      description = "The invite line (rhizome-invite:…).")
  private String inviteText = "";

  @Option(
      names = "--name",
      paramLabel = "N",
      description = "Your name in the workspace (default: the OS user name).")
  private @Nullable String memberName;

  @Option(
      names = "--as",
      paramLabel = "WORKSPACE_NAME",
      description =
          "The local name of the workspace (its file name; default: the invite's workspace name).")
  private @Nullable String localName;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      defaultValue = "60s",
      converter = DurationConverter.class,
      description = "How long to try to reach a member (default: ${DEFAULT-VALUE}).")
  private Duration wait = Duration.ofSeconds(60);

  @Option(
      names = "--listen",
      paramLabel = "MULTIADDR",
      converter = MultiaddrConverter.class,
      description =
          "Where to accept connections while joining (default /ip4/127.0.0.1/tcp/0: joining only dials out).")
  private List<Multiaddr> listen = new ArrayList<>();

  record Joined(String workspace, String id, boolean joined, long notes, String database) {}

  @Override
  public Integer call() throws Exception {
    Invite invite = Invite.parse(inviteText);
    DataDirectory data = cli.dataDirectory();
    String name = localName != null ? localName : fileNameFor(invite.workspaceName());
    if (!DataDirectory.isValidWorkspaceName(name)) {
      throw new InvalidInputException(
          "\"" + name + "\" is not a workspace name: choose one with --as NAME.");
    }
    Path file = data.workspaceFile(name);
    if (Files.exists(file)) {
      throw new InvalidInputException(
          "A workspace named \""
              + name
              + "\" already exists ("
              + file
              + "): choose another with --as NAME.");
    }
    Files.createDirectories(file.getParent());
    String member = memberName != null ? memberName : System.getProperty("user.name", "me");
    try (Workspace ws =
        SharedWorkspaces.openForInvite(file, data.loadOrCreateDeviceKey(), invite, member)) {
      boolean joined;
      // On a terminal, a count of the changes received with their rate (total unknown: the
      // members' logs are not announced before they stream); nothing with --json or when piped.
      ProgressBar bar = ProgressBar.forCommand(cli);
      java.util.concurrent.atomic.AtomicLong received =
          new java.util.concurrent.atomic.AtomicLong();
      try (AutoCloseable counting =
          ws.subscribe(
              event -> {
                if (!event.local()) {
                  bar.count("changes", received.addAndGet(event.changes().size()));
                }
              })) {
        joined = wait.isZero() ? ws.membership().canWrite() : syncUntilJoined(data, ws, name);
      } finally {
        bar.finish(); // ends the count's line before any message
      }
      Joined result = new Joined(name, ws.id().hex(), joined, ws.noteCount(), file.toString());
      if (cli.isJson()) {
        cli.printJson(result);
      } else if (joined) {
        cli.out()
            .println(
                "Joined workspace "
                    + name
                    + " ("
                    + result.notes()
                    + " notes). Keep it in sync with: rhizome serve --workspace "
                    + name);
      } else {
        cli.out()
            .println(
                "Made workspace "
                    + name
                    + "; the join finishes when `rhizome serve --workspace "
                    + name
                    + "` reaches a member.");
      }
      cli.out().flush();
      return ExitCodes.OK;
    }
  }

  /** Syncs until a member; then pulls once more from everyone so the replica is caught up. */
  private boolean syncUntilJoined(DataDirectory data, Workspace ws, String name) throws Exception {
    CompletableFuture<Void> joined = new CompletableFuture<>();
    try (ReplicaLock lock = ServeLock.acquire(data, name);
        WorkspaceSync sync =
            SyncStarter.start(
                data,
                ws,
                name,
                listen.isEmpty() ? List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")) : listen,
                List.of(),
                null,
                "rhizome-join")) {
      sync.addListener(
          new SyncListener() {
            @Override
            public void onJoined() {
              joined.complete(null);
            }

            @Override
            public void onJoinFailed(String reason) {
              joined.completeExceptionally(
                  new InvalidInputException("The invite cannot be used: " + reason));
            }
          });
      long deadline = System.nanoTime() + wait.toNanos();
      if (ws.membership().canWrite()) {
        joined.complete(null);
      }
      try {
        joined.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        throw new SyncUnfinishedException(
            "Not joined within "
                + wait.toSeconds()
                + " s: no member was reached at the invite's"
                + " addresses "
                + SharedWorkspaces.peers(ws)
                + ". The join stays pending; `rhizome serve --workspace "
                + name
                + "` finishes it when a member is reachable.");
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause() instanceof Exception ex ? ex : e;
      }
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      try {
        sync.pullFromAllNow().get(left, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // a member; the rest arrives with the next serve
      }
      awaitEpochKeys(ws, sync, deadline);
      return true;
    }
  }

  /** How long a joined device waits for its epoch key wraps at most, within {@code --wait}. */
  private static final long KEYS_WAIT_MILLIS = 15_000;

  /**
   * Once someone has been removed, what members write is sealed under epoch keys (decision 0009),
   * and a member wraps them for a new device when it learns of the join — just after this device's
   * join reached it. Until the wrap arrives the new member sees only what was written before the
   * first removal, so the join waits a little for it (pulling again) rather than report a workspace
   * with notes missing. The rest arrives with the next serve if no key holder answers in time.
   */
  private static void awaitEpochKeys(Workspace ws, WorkspaceSync sync, long deadline)
      throws Exception {
    long until = Math.min(deadline, System.nanoTime() + KEYS_WAIT_MILLIS * 1_000_000);
    while (lacksEpochKey(ws) && System.nanoTime() < until) {
      long left = Math.max(1, (until - System.nanoTime()) / 1_000_000);
      try {
        sync.pullFromAllNow().get(Math.min(left, 2_000), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // pull again while time is left
      }
      if (lacksEpochKey(ws)) {
        Thread.sleep(Math.min(200, left)); // the wrap is written by a member after it saw the join
      }
    }
  }

  /** True when the workspace has epoch keys and none is wrapped for this device yet. */
  private static boolean lacksEpochKey(Workspace ws) throws Exception {
    Map<String, Value> epoch = ws.node(EpochKeys.EPOCH);
    if (epoch.isEmpty()) {
      return false;
    }
    for (String field : epoch.keySet()) {
      Optional<KeyId> key = EpochKeys.parseKeyField(field);
      if (key.isPresent() && epoch.containsKey(EpochKeys.wrapField(key.get(), ws.actor()))) {
        return false;
      }
    }
    return true;
  }

  /** The invite's workspace name made into a file name. */
  static String fileNameFor(String workspaceName) {
    String s = workspaceName.strip().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
    if (s.length() > 64) {
      s = s.substring(0, 64);
    }
    return s.isEmpty() ? "shared" : s;
  }
}
