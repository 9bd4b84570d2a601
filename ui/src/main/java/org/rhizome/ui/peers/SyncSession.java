package org.rhizome.ui.peers;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.NotAllowedException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.membership.Grant;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.sync.replication.SyncListener;
import org.rhizome.sync.replication.WorkspaceSync;
import org.rhizome.sync.replication.invite.Invite;
import org.rhizome.sync.replication.invite.SharedWorkspaces;
import org.rhizome.sync.replication.invite.WorkspaceSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One workspace's sync as the window drives it: starts {@link WorkspaceSync} when the workspace's
 * {@code sync.enabled} setting says so (or the person switches it on), stops it when switched off
 * or closed. Every blocking step (reading settings, binding sockets, closing the host) runs in
 * order on one named thread, {@code rhizome-ui-sync}, so a quick on-off-on cannot race.
 *
 * <p>Thread-safe. Listeners are called on sync threads; the caller moves to the FX thread.
 */
public final class SyncSession implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SyncSession.class);

  /** How many of the newest refused changes the panel lists. */
  static final int REFUSALS_SHOWN = 100;

  private final Workspace workspace;
  private final SyncStarter starter;
  private @Nullable AutoCloseable lock;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "rhizome-ui-sync");
            t.setDaemon(true);
            return t;
          });
  private final List<SyncListener> listeners = new CopyOnWriteArrayList<>();
  private volatile @Nullable WorkspaceSync running;
  private volatile @Nullable String failure;
  private volatile boolean closed;

  /**
   * @param starter how sync starts (app's launcher: its policy, and the lock shared with {@code
   *     rhizome serve})
   */
  public SyncSession(Workspace workspace, SyncStarter starter) {
    this.workspace = workspace;
    this.starter = starter;
  }

  public Workspace workspace() {
    return workspace;
  }

  /**
   * Starts syncing if the workspace's setting says it syncs; completes with what the panel shows.
   */
  public CompletableFuture<SyncSnapshot> resumeAsync() {
    return submit(
        () -> {
          if (isEnabled() && workspace.membership().mode() != MembershipMode.OPEN) {
            startNow();
          }
          return snapshotNow();
        });
  }

  /**
   * Switches sync on or off and keeps the choice in the workspace's {@code sync.enabled}. Switching
   * on a personal workspace fails with {@link NotAllowedException}: it cannot be shared.
   */
  public CompletableFuture<SyncSnapshot> setEnabledAsync(boolean on) {
    return submit(
        () -> {
          if (on && workspace.membership().mode() == MembershipMode.OPEN) {
            throw new NotAllowedException(
                "a personal workspace stays on this device: create a shared workspace to sync");
          }
          workspace.setLocalSetting(SharedWorkspaces.ENABLED, on ? "true" : "false");
          if (on) {
            startNow();
          } else {
            stopNow();
          }
          return snapshotNow();
        });
  }

  /**
   * What the panel shows now: settings, members and the live status. Reads run on the sync thread.
   */
  public CompletableFuture<SyncSnapshot> snapshotAsync() {
    return submit(this::snapshotNow);
  }

  /**
   * Registers an invite and returns it; it carries this device's listen addresses, so sync must be
   * on. @throws IllegalStateException (in the future) when sync is off
   */
  public CompletableFuture<Invite> inviteAsync(Grant grant, Duration validFor) {
    return inviteAsync(grant, org.rhizome.graph.membership.Role.WRITER, validFor);
  }

  /**
   * As {@link #inviteAsync(Grant, Duration)}; a member invite grants {@code role} (only an admin
   * invites new people; a device has its person's role).
   */
  public CompletableFuture<Invite> inviteAsync(
      Grant grant, org.rhizome.graph.membership.Role role, Duration validFor) {
    return submit(
        () -> {
          WorkspaceSync sync = running;
          if (sync == null) {
            throw new IllegalStateException(
                "switch sync on first: the invite carries this device's address");
          }
          return SharedWorkspaces.invite(
              workspace, grant, role, validFor, sync.host().listenAddresses());
        });
  }

  /** Adds a listener to the running sync and to every later one. Called on sync threads. */
  public void addListener(SyncListener listener) {
    listeners.add(listener);
    WorkspaceSync sync = running;
    if (sync != null) {
      sync.addListener(listener);
    }
  }

  public Optional<WorkspaceSync> running() {
    return Optional.ofNullable(running);
  }

  private boolean isEnabled() throws StoreException {
    return workspace.localSetting(SharedWorkspaces.ENABLED).map("true"::equals).orElse(false);
  }

  private void startNow() throws StoreException {
    if (running != null || closed) {
      return;
    }
    Optional<WorkspaceSecret> secret = SharedWorkspaces.secret(workspace);
    if (secret.isEmpty()) {
      failure = "this workspace has no sync secret: it was not created as a shared workspace";
      return;
    }
    try {
      Optional<AutoCloseable> held = starter.tryLock(workspace);
      if (held.isEmpty()) {
        failure =
            "another Rhizome process (rhizome serve?) is already syncing this workspace; stop it, or leave sync to it";
        return;
      }
      lock = held.get();
      WorkspaceSync sync = starter.start(workspace, secret.get());
      listeners.forEach(sync::addListener);
      running = sync;
      failure = null;
      log.info(
          "sync of {} started as {} on {}",
          workspace.id(),
          sync.host().peerId(),
          sync.host().listenAddresses());
    } catch (IOException e) {
      log.warn("sync of {} could not start", workspace.id(), e);
      failure = "the network could not be opened: " + e.getMessage();
      releaseLock();
    }
  }

  private void releaseLock() {
    AutoCloseable held = lock;
    lock = null;
    if (held != null) {
      try {
        held.close();
      } catch (Exception e) {
        log.warn("could not release the sync lock of {}", workspace.id(), e);
      }
    }
  }

  private void stopNow() {
    WorkspaceSync sync = running;
    running = null;
    failure = null;
    if (sync != null) {
      sync.close();
      log.info("sync of {} stopped", workspace.id());
    }
    releaseLock();
  }

  private SyncSnapshot snapshotNow() throws StoreException {
    var membership = workspace.membership();
    WorkspaceSync sync = running;
    boolean shared = membership.mode() != MembershipMode.OPEN;
    List<RefusalRow> refusals = new java.util.ArrayList<>();
    for (org.rhizome.graph.api.Refusal r : workspace.recentRefusals(REFUSALS_SHOWN)) {
      String name = r.actor() == null ? "" : membership.memberName(r.actor()).orElse("");
      refusals.add(RefusalRow.of(r, name));
    }
    return new SyncSnapshot(
        membership.mode(),
        membership.workspaceName(),
        membership.members(),
        isEnabled(),
        SharedWorkspaces.joinPending(workspace),
        membership.canWrite(),
        Optional.ofNullable(sync).map(WorkspaceSync::status),
        failure,
        shared ? membership.people() : List.of(),
        workspace.actor(),
        shared ? membership.myRole() : Optional.empty(),
        refusals);
  }

  /**
   * Runs {@code work} on the sync thread (a membership change: its checks read the workspace before
   * the write is queued); completes with the future it returns.
   */
  public <T> CompletableFuture<T> runAsync(Callable<CompletableFuture<T>> work) {
    return submit(work).thenCompose(f -> f);
  }

  private <T> CompletableFuture<T> submit(Callable<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      thread.execute(
          () -> {
            try {
              result.complete(work.call());
            } catch (Exception e) {
              result.completeExceptionally(e);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      result.completeExceptionally(new IllegalStateException("sync is closed", e));
    }
    return result;
  }

  /**
   * Stops sync (closing the host) and the sync thread; waits at most a few seconds. Idempotent; a
   * second caller waits until the first has finished, so the workspace can be closed after it.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    thread.execute(this::stopNow);
    thread.shutdown();
    try {
      if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("sync of {} did not stop within 5 s", workspace.id());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
