package org.rhizome.app.cli.sync;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.app.data.DataDirectory;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.vault.VaultMirror;
import org.rhizome.sync.host.NamedThreadFactory;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.replication.ReplicaLock;
import org.rhizome.sync.replication.WorkspaceSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rhizome serve}: a headless peer of one shared workspace, until SIGTERM or Ctrl-C. It logs
 * sync events to stderr, keeps {@code run/NAME.json} current (every second and on peer events) and
 * holds {@code run/NAME.lock}. It starts sync through {@link org.rhizome.app.sync.SyncLauncher}, as
 * the window does. Notes added meanwhile by the CLI on the same data directory reach the
 * workspace's change feed within ~50 ms and are published from it.
 */
@Command(
    name = "serve",
    description = {
      "Run a peer of a shared workspace without a window, until stopped (Ctrl-C, SIGTERM).",
      "Dials the workspace's saved peers and any --peer; logs sync events to stderr;",
      "its status is in run/NAME.json and in `rhizome status`."
    })
public final class ServeCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  @Spec private CommandSpec spec;

  @Option(
      names = "--listen",
      paramLabel = "MULTIADDR",
      converter = MultiaddrConverter.class,
      description = "Where to accept connections (repeatable; default /ip4/0.0.0.0/tcp/0).")
  private List<Multiaddr> listen = new ArrayList<>();

  @Option(
      names = "--peer",
      paramLabel = "MULTIADDR",
      converter = MultiaddrConverter.class,
      description = "A peer to dial and keep dialling, besides the saved ones (repeatable).")
  private List<Multiaddr> peers = new ArrayList<>();

  @Option(
      names = "--mdns",
      description = "Find peers on the local network by mDNS (needs --mdns-interface).")
  private boolean mdns;

  @Option(
      names = "--mdns-interface",
      paramLabel = "ADDR",
      description = "The address of the interface mDNS runs on (never the default one: say which).")
  private @Nullable String mdnsInterface;

  @Override
  public Integer call() throws Exception {
    Logger log = LoggerFactory.getLogger(ServeCommand.class);
    InetAddress mdnsAddress = mdnsAddress();
    DataDirectory data = cli.dataDirectory();
    String name = cli.workspaceName();
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              try {
                stopped.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "rhizome-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (Workspace ws = cli.openWorkspace();
        ReplicaLock lock = ServeLock.acquire(data, name)) {
      SyncStarter.secretOf(ws, name);
      ScheduledExecutorService statusWriter =
          Executors.newSingleThreadScheduledExecutor(
              new NamedThreadFactory("rhizome-serve-status"));
      Instant started = Instant.now();
      SyncEventLog events = new SyncEventLog(spec.commandLine().getErr(), () -> {});
      try (WorkspaceSync sync =
              SyncStarter.start(data, ws, name, listen, peers, mdnsAddress, "rhizome-serve");
          VaultMirror mirror = VaultMirror.configured(ws).orElse(null)) {
        if (mirror != null) {
          mirror.start();
          events.say("mirroring " + mirror.folder());
        }
        String id = ws.id().hex();
        Runnable writeStatus =
            () -> {
              try {
                ServeStatusFile.write(
                    data, ServeStatus.of(name, id, sync.status(), started, Instant.now()));
              } catch (IOException | RuntimeException e) {
                log.warn("cannot write the serve status file: {}", e.getMessage());
              }
            };
        sync.addListener(
            new SyncEventLog(
                spec.commandLine().getErr(),
                () -> {
                  try {
                    statusWriter.execute(writeStatus);
                  } catch (RejectedExecutionException e) {
                    // stopping: the last peers' disconnects come after the status file is gone
                  }
                }));
        writeStatus.run();
        statusWriter.scheduleWithFixedDelay(writeStatus, 1, 1, TimeUnit.SECONDS);
        events.say(
            "serving workspace "
                + name
                + " ("
                + id
                + ") as "
                + sync.host().peerId()
                + " on "
                + sync.host().listenAddresses()
                + (mdnsAddress == null ? "" : ", mDNS on " + mdnsAddress.getHostAddress()));
        stop.await();
        events.say("stopping");
        statusWriter.shutdownNow();
        statusWriter.awaitTermination(5, TimeUnit.SECONDS);
      } finally {
        statusWriter.shutdownNow();
        ServeStatusFile.delete(data, name);
      }
    } finally {
      stopped.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down: the hook is running and waits for `stopped`
      }
    }
    return ExitCodes.OK;
  }

  private @Nullable InetAddress mdnsAddress() {
    if (!mdns) {
      if (mdnsInterface != null) {
        throw new ParameterException(spec.commandLine(), "--mdns-interface needs --mdns.");
      }
      return null;
    }
    if (mdnsInterface == null) {
      throw new ParameterException(
          spec.commandLine(),
          "--mdns needs --mdns-interface ADDR: the address of the interface of the local network to search.");
    }
    try {
      return InetAddress.getByName(mdnsInterface);
    } catch (UnknownHostException e) {
      throw new ParameterException(
          spec.commandLine(), "--mdns-interface: '" + mdnsInterface + "' is not an IP address.");
    }
  }
}
