package org.rhizome.ui.peers;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.membership.Grant;
import org.rhizome.graph.membership.Member;
import org.rhizome.graph.membership.Person;
import org.rhizome.graph.membership.Role;
import org.rhizome.graph.model.ActorId;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.replication.SyncListener;
import org.rhizome.sync.replication.SyncStatus;
import org.rhizome.sync.replication.catchup.PullSummary;
import org.rhizome.sync.replication.invite.Invite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync panel's state, kept on the FX thread: the latest {@link SyncSnapshot}, the peers seen
 * since the window opened (connected or not), the indicator for the status icon, a plain message.
 * Sync events arrive on sync threads and are moved here with {@code Platform.runLater}; while sync
 * runs, the status is also read every {@link #REFRESH} (connected peers, last sync, counters).
 *
 * <p>FX thread only, except that {@link SyncSession} does its work on its own thread.
 */
public final class SyncViewModel implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SyncViewModel.class);
  static final javafx.util.Duration REFRESH = javafx.util.Duration.seconds(2);

  private final SyncSession session;
  private final ObjectProperty<@Nullable SyncSnapshot> snapshot = new SimpleObjectProperty<>();
  private final ObjectProperty<SyncIndicator> indicator =
      new SimpleObjectProperty<>(SyncIndicator.UNKNOWN);
  private final ObservableList<PeerRow> peers = FXCollections.observableArrayList();
  private final Map<PeerId, PeerRow> seen = new LinkedHashMap<>();
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final StringProperty message = new SimpleStringProperty("");
  private final Timeline refresher =
      new Timeline(new KeyFrame(REFRESH, e -> refreshWhileRunning()));
  private boolean refreshing;

  /** A refresh was asked for while one was under way: read again when it ends. */
  private boolean refreshAgain;

  private @Nullable String shownFailure;

  private org.rhizome.ui.workbench.ErrorReporter errors =
      new org.rhizome.ui.workbench.ErrorReporter();
  private @Nullable AutoCloseable membershipFeed;

  public SyncViewModel(SyncSession session) {
    this.session = session;
    refresher.setCycleCount(Animation.INDEFINITE);
    session.addListener(
        new SyncListener() {
          @Override
          public void onPeerConnected(PeerId peer, Multiaddr address) {
            Platform.runLater(
                () -> {
                  markSeen(peer, true, "");
                  refresh();
                });
          }

          @Override
          public void onPeerDisconnected(PeerId peer) {
            Platform.runLater(
                () -> {
                  markSeen(peer, false, "");
                  refresh();
                });
          }

          @Override
          public void onPulled(PeerId peer, PullSummary summary, long millis) {
            if (summary.received() > 0) {
              Platform.runLater(SyncViewModel.this::refresh);
            }
          }

          @Override
          public void onJoined() {
            Platform.runLater(
                () -> {
                  message.set("You are now a member of this workspace.");
                  refresh();
                });
          }

          @Override
          public void onJoinFailed(String reason) {
            Platform.runLater(
                () -> {
                  message.set("The invite cannot be used: " + reason);
                  refresh();
                });
          }
        });
  }

  /** Reads the workspace and starts sync if its setting says so. */
  public void start() {
    track(session.resumeAsync(), "Could not read the workspace's sync settings");
    refresher.play();
    // Roles, removals, names and invites can change from anywhere (a peer, `rhizome member` in
    // another process on the file): show them as they are committed, whether sync runs or not.
    membershipFeed =
        session
            .workspace()
            .subscribe(
                event -> {
                  if (touchesMembership(event)) {
                    Platform.runLater(this::refresh);
                  }
                });
  }

  /** Where the panel's failed actions are reported (the window's status bar and log). */
  public void reportErrorsTo(org.rhizome.ui.workbench.ErrorReporter errors) {
    this.errors = errors;
  }

  static boolean touchesMembership(org.rhizome.graph.ChangeEvent event) {
    for (org.rhizome.graph.change.Change c : event.changes()) {
      for (org.rhizome.graph.change.Op op : c.ops()) {
        if (op.soul().value().startsWith(org.rhizome.graph.membership.SystemSouls.SYSTEM_PREFIX)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Gives {@code person} another role (admins only); reports a refusal. */
  public CompletableFuture<?> setRole(Person person, Role role) {
    return act(
        "Could not make " + nameOf(person) + " " + article(role) + role.wireName(),
        () -> session.workspace().membership().setRoleAsync(person.person(), role),
        nameOf(person) + " is now " + article(role) + role.wireName() + ".");
  }

  /** Removes {@code person} and all their devices (admins only). */
  public CompletableFuture<?> remove(Person person) {
    return act(
        "Could not remove " + nameOf(person),
        () -> session.workspace().membership().removeAsync(person.person()),
        "Removed "
            + nameOf(person)
            + ": their changes made after this point are refused on every replica.");
  }

  /** Revokes a device (one's own other device, or any as an admin). */
  public CompletableFuture<?> revoke(Member device) {
    String name = device.name().isEmpty() ? device.fingerprint() : device.name();
    return act(
        "Could not revoke " + name,
        () -> session.workspace().membership().revokeDeviceAsync(device.device()),
        "Revoked " + name + ": its changes made after this point are refused on every replica.");
  }

  private static String nameOf(Person p) {
    return p.name().isEmpty() ? Member.fingerprint(p.person()) : p.name();
  }

  private static String article(Role role) {
    return role == Role.ADMIN ? "an " : "a ";
  }

  /**
   * Runs a membership change off the FX thread (its checks read the workspace); on failure reports
   * it through the window's error reporter and says it in the panel, on success says {@code done}.
   */
  private <T> CompletableFuture<T> act(
      String whatFailed, java.util.concurrent.Callable<CompletableFuture<T>> work, String done) {
    busy.set(true);
    CompletableFuture<T> result = session.runAsync(work);
    result.whenComplete(
        (v, e) ->
            Platform.runLater(
                () -> {
                  busy.set(false);
                  if (e != null) {
                    Throwable cause =
                        e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    errors.report(whatFailed, cause);
                    message.set(whatFailed + ": " + cause.getMessage());
                  } else {
                    message.set(done);
                  }
                  refresh();
                }));
    return result;
  }

  /** Switches sync on or off (persisted); the switch shows the new state once it is done. */
  public void setEnabled(boolean on) {
    message.set(on ? "Starting sync…" : "Stopping sync…");
    track(
        session
            .setEnabledAsync(on)
            .thenApply(
                s -> {
                  Platform.runLater(
                      () -> {
                        if (s.failure() == null) {
                          message.set(""); // the state line says it
                        }
                      });
                  return s;
                }),
        on ? "Could not switch sync on" : "Could not switch sync off");
  }

  /**
   * A running sync changes on its own (peers, last sync); so does a shared workspace's refusal log,
   * which another process on the file ({@code rhizome serve}) may write to. A personal workspace
   * changes only by events and switches.
   */
  private void refreshWhileRunning() {
    SyncSnapshot s = snapshot.get();
    if (s != null && (s.running().isPresent() || !s.isPersonal())) {
      refresh();
    }
  }

  /** Reads the status again (once more after the read under way, if there is one). */
  public void refresh() {
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = true;
    session
        .snapshotAsync()
        .whenComplete(
            (s, e) ->
                Platform.runLater(
                    () -> {
                      refreshing = false;
                      if (s != null) {
                        apply(s);
                      } else {
                        log.debug("sync status could not be read", e);
                      }
                      if (refreshAgain) {
                        refreshAgain = false;
                        refresh();
                      }
                    }));
  }

  /** Registers an invite (on the sync thread); the future completes there. */
  public CompletableFuture<Invite> createInvite(Grant grant, Duration validFor) {
    return session.inviteAsync(grant, validFor);
  }

  /** As {@link #createInvite(Grant, Duration)}; a new person joins with {@code role}. */
  public CompletableFuture<Invite> createInvite(Grant grant, Role role, Duration validFor) {
    return session.inviteAsync(grant, role, validFor);
  }

  private void track(CompletableFuture<SyncSnapshot> work, String whatFailed) {
    busy.set(true);
    work.whenComplete(
        (s, e) ->
            Platform.runLater(
                () -> {
                  busy.set(false);
                  if (e != null) {
                    Throwable cause =
                        e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    log.warn("{}", whatFailed, cause);
                    message.set(whatFailed + ": " + cause.getMessage());
                    refresh();
                  } else {
                    apply(s);
                  }
                }));
  }

  private void apply(SyncSnapshot s) {
    snapshot.set(s);
    indicator.set(SyncIndicator.of(s));
    // Said once when it happens, not again on every refresh (which would hide later messages).
    if (s.failure() != null && !s.failure().equals(shownFailure)) {
      message.set("Sync could not start: " + s.failure());
    }
    shownFailure = s.failure();
    SyncStatus status = s.running().orElse(null);
    java.util.Set<PeerId> connectedNow = new java.util.HashSet<>();
    if (status != null) {
      for (SyncStatus.ConnectedPeer p : status.peers()) {
        connectedNow.add(p.peer());
        markSeen(p.peer(), true, p.agent());
      }
    }
    for (PeerRow row : java.util.List.copyOf(seen.values())) {
      if (row.connected() && !connectedNow.contains(row.peer())) {
        seen.put(
            row.peer(),
            new PeerRow(row.peer(), row.name(), row.agent(), false, row.lastSeenMillis()));
      }
    }
    publishPeers();
  }

  private void markSeen(PeerId peer, boolean connected, String agent) {
    PeerRow old = seen.get(peer);
    String knownAgent = !agent.isEmpty() ? agent : old == null ? "" : old.agent();
    long when = connected || old == null ? System.currentTimeMillis() : old.lastSeenMillis();
    seen.put(peer, new PeerRow(peer, memberName(peer), knownAgent, connected, when));
    publishPeers();
  }

  private void publishPeers() {
    peers.setAll(
        seen.values().stream()
            .map(
                r ->
                    r.name().isEmpty()
                        ? new PeerRow(
                            r.peer(),
                            memberName(r.peer()),
                            r.agent(),
                            r.connected(),
                            r.lastSeenMillis())
                        : r)
            .sorted((a, b) -> Boolean.compare(b.connected(), a.connected()))
            .toList());
  }

  /** A peer's id is its device key, so a connected member is found by it. */
  private String memberName(PeerId peer) {
    SyncSnapshot s = snapshot.get();
    if (s == null) {
      return "";
    }
    return peer.extractPublicKey()
        .map(
            k -> {
              ActorId actor = ActorId.of(k.raw());
              return s.members().stream()
                  .filter(m -> m.device().equals(actor))
                  .map(Member::name)
                  .findFirst()
                  .orElse("");
            })
        .orElse("");
  }

  public ReadOnlyObjectProperty<@Nullable SyncSnapshot> snapshotProperty() {
    return snapshot;
  }

  public ReadOnlyObjectProperty<SyncIndicator> indicatorProperty() {
    return indicator;
  }

  public ObservableList<PeerRow> peers() {
    return FXCollections.unmodifiableObservableList(peers);
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message;
  }

  /** Shows a plain sentence under the switch (an error from a dialog, say). */
  public void say(String text) {
    message.set(text);
  }

  public SyncSession session() {
    return session;
  }

  /** Stops the periodic refresh. The session is closed by its owner. */
  @Override
  public void close() {
    refresher.stop();
    AutoCloseable feed = membershipFeed;
    membershipFeed = null;
    if (feed != null) {
      try {
        feed.close();
      } catch (Exception e) {
        log.debug("could not stop listening to the workspace", e);
      }
    }
  }
}
