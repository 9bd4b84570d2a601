package org.rhizome.ui.peers;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.replication.SyncStatus;

/**
 * The sync panel: the switch (kept in the workspace's {@code sync.enabled}), what the sync is
 * doing, the peers seen and connected, the last sync time, the members, and the invite / join /
 * create buttons. For a personal workspace, a sentence saying it stays on this device and the
 * buttons to create or join a shared one. FX thread only.
 */
public final class SyncPanelView {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private final SyncViewModel model;
  private final SharedWorkspaceActions actions;
  private final VBox root = new VBox(14);
  private final Label title = new Label("Sync");
  private final Label workspaceName = new Label();
  private final ToggleSwitch toggle = new ToggleSwitch();
  private final Label toggleLabel = new Label("Sync this workspace");
  private final Label state = new Label();
  private final Label message = new Label();
  private final Label lastSync = new Label();
  private final Label counters = new Label();
  private final Label device = new Label();
  private final ListView<PeerRow> peers = new ListView<>();
  private final MembersPane members;
  private final RefusalLogView refusals = new RefusalLogView();
  private final Button invite = new Button("Invite…");
  private final Button join = new Button("Join with an invite…");
  private final Button create = new Button("Create a shared workspace…");
  private final VBox personalNotice = new VBox(8);
  private final VBox sharedPart = new VBox(12);
  private final javafx.scene.layout.FlowPane otherWorkspaces =
      new javafx.scene.layout.FlowPane(8, 8);
  private final VBox otherPart = new VBox(8);
  private boolean updating;

  public SyncPanelView(SyncViewModel model, SharedWorkspaceActions actions) {
    this.model = model;
    this.actions = actions;
    this.members = new MembersPane(model);
    build();
    model.snapshotProperty().addListener((o, a, b) -> show());
    model.busyProperty().addListener((o, a, b) -> show());
    model.peers().addListener((javafx.collections.ListChangeListener<PeerRow>) c -> show());
    message.textProperty().bind(model.messageProperty());
    message.managedProperty().bind(message.textProperty().isNotEmpty());
    show();
  }

  public Node node() {
    return root;
  }

  private void build() {
    root.setId("syncPanel");
    root.getStyleClass().add("sync-panel");
    root.setPadding(new Insets(20, 24, 20, 24));
    root.setMaxWidth(760);
    title.getStyleClass().add(Styles.TITLE_2);
    workspaceName.getStyleClass().add(Styles.TEXT_MUTED);
    toggle.setId("syncSwitch");
    toggle
        .selectedProperty()
        .addListener(
            (o, was, on) -> {
              if (!updating) {
                model.setEnabled(on);
              }
            });
    // The switch only reacts on its track; the label beside it flips it too, as people expect.
    toggleLabel.setLabelFor(toggle);
    toggleLabel.getStyleClass().add(Styles.TEXT_BOLD);
    toggleLabel.setOnMouseClicked(
        e -> {
          if (!toggle.isDisabled()) {
            toggle.setSelected(!toggle.isSelected());
          }
        });
    state.setId("syncState");
    state.setWrapText(true);
    message.setId("syncMessage");
    message.setWrapText(true);
    message.getStyleClass().add(Styles.TEXT_SMALL);
    lastSync.setId("lastSync");
    counters.getStyleClass().add(Styles.TEXT_MUTED);
    device.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    device.setWrapText(true);

    peers.setId("peerList");
    peers.setItems(model.peers());
    peers.setPlaceholder(new Label("No peer seen yet."));
    peers.setPrefHeight(140);
    peers.setCellFactory(v -> new PeerCell());

    invite.setId("inviteButton");
    invite.setOnAction(e -> new InviteDialog(model).show(root.getScene().getWindow()));
    join.setId("joinButton");
    join.setOnAction(e -> new JoinDialog(actions, model::say).show(root.getScene().getWindow()));
    create.setId("createSharedButton");
    create.setOnAction(
        e -> new CreateSharedDialog(actions, model::say).show(root.getScene().getWindow()));

    Label personalTitle = new Label("This is your personal workspace");
    personalTitle.getStyleClass().add(Styles.TITLE_4);
    Label personalText =
        new Label(
            "It stays on this device and cannot be shared. To sync notes with your other devices "
                + "or with a team, create a shared workspace, or join one with an invite someone sent you.");
    personalText.setWrapText(true);
    personalNotice.setId("personalNotice");
    personalNotice.getChildren().addAll(personalTitle, personalText);

    Label peersTitle = section("Peers");
    Label membersTitle = section("Members");
    Label refusalsTitle = section("Refused changes");
    Label refusalsHelp =
        new Label(
            "Changes this device received but did not apply, and why: a removed person's late"
                + " edits, a reader's, a forged or damaged one. Also `rhizome sync log`.");
    refusalsHelp.setWrapText(true);
    refusalsHelp.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    HBox switchRow = new HBox(10, toggle, toggleLabel);
    switchRow.setAlignment(Pos.CENTER_LEFT);
    sharedPart.setId("sharedControls");
    sharedPart
        .getChildren()
        .addAll(
            switchRow,
            state,
            lastSync,
            counters,
            peersTitle,
            peers,
            membersTitle,
            members.node(),
            refusalsTitle,
            refusalsHelp,
            refusals.node(),
            device);

    HBox buttons = new HBox(8, invite, join, create);
    buttons.setAlignment(Pos.CENTER_LEFT);
    VBox header = new VBox(2, title, workspaceName);
    otherWorkspaces.setId("otherWorkspaces");
    otherPart.getChildren().addAll(section("Other workspaces on this device"), otherWorkspaces);
    setShown(otherPart, false);
    // The buttons come first: a long member list or sync log must not push them out of sight.
    root.getChildren().addAll(header, buttons, message, personalNotice, sharedPart, otherPart);
    loadOtherWorkspaces();
    VBox.setVgrow(peers, Priority.SOMETIMES);
  }

  /**
   * Lists the other workspace files (off the FX thread), each with a button that opens its window.
   */
  public void loadOtherWorkspaces() {
    actions
        .otherWorkspaces(model.session().workspace().file())
        .whenComplete(
            (files, e) ->
                javafx.application.Platform.runLater(
                    () -> {
                      if (e != null) {
                        model.say("Could not list the other workspaces: " + e.getMessage());
                        return;
                      }
                      otherWorkspaces
                          .getChildren()
                          .setAll(files.stream().map(this::openButton).toList());
                      setShown(otherPart, !files.isEmpty());
                    }));
  }

  private Button openButton(java.nio.file.Path file) {
    String name = file.getFileName().toString().replaceFirst("\\.db$", "");
    Button b = new Button("Open “" + name + "”");
    b.setOnAction(
        e ->
            actions
                .open(file)
                .whenComplete(
                    (v, error) -> {
                      if (error != null) {
                        javafx.application.Platform.runLater(
                            () ->
                                model.say("Could not open “" + name + "”: " + error.getMessage()));
                      }
                    }));
    return b;
  }

  /** Wraps the panel for a tab: scrolls when the window is small. */
  public Node inScrollPane() {
    ScrollPane scroll = new ScrollPane(root);
    scroll.setFitToWidth(true);
    return scroll;
  }

  private static Label section(String text) {
    Label l = new Label(text);
    l.getStyleClass().add(Styles.TITLE_4);
    return l;
  }

  private void show() {
    SyncSnapshot s = model.snapshotProperty().get();
    boolean personal = s != null && s.isPersonal();
    setShown(personalNotice, personal);
    setShown(sharedPart, s != null && !personal);
    // For a personal workspace, creating a shared one is the way forward; for a shared one,
    // inviting.
    create.getStyleClass().remove(Styles.ACCENT);
    if (personal) {
      create.getStyleClass().add(Styles.ACCENT);
    }
    invite.setVisible(s != null && !personal);
    invite.setManaged(invite.isVisible());
    if (s == null) {
      workspaceName.setText("Reading the workspace…");
      return;
    }
    workspaceName.setText(
        personal ? "Personal workspace" : "Shared workspace “" + s.workspaceName() + "”");
    updating = true;
    toggle.setSelected(s.enabled());
    updating = false;
    toggle.setDisable(personal || model.busyProperty().get());
    SyncStatus status = s.running().orElse(null);
    invite.setDisable(
        status == null
            || !s.canWrite()
            || !s.myRole()
                .map(r -> r.atLeast(org.rhizome.graph.membership.Role.WRITER))
                .orElse(false)
            || model.busyProperty().get());
    state.setText(stateText(s, status));
    lastSync.setText(
        status == null
            ? ""
            : "Last sync: " + lastSyncText(status.lastSyncMillis(), System.currentTimeMillis()));
    setShown(lastSync, status != null);
    counters.setText(
        status == null
            ? ""
            : "Changes received: "
                + status.liveApplied()
                + " live, "
                + status.pulledApplied()
                + " by catch-up"
                + (status.refused() > 0 ? " · " + status.refused() + " refused" : ""));
    setShown(counters, status != null);
    members.show(s);
    refusals.show(s.refusals());
    invite.setTooltip(
        new javafx.scene.control.Tooltip(
            status == null
                ? "Switch sync on first: an invite carries this device's address."
                : s.isAdmin()
                    ? "Invite a person (with a role) or another device of yours"
                    : "Invite another device of yours (only an admin invites people)"));
    device.setText(
        status == null
            ? ""
            : "This device: "
                + status.peerId().toBase58()
                + "\nListening on "
                + status.listenAddresses().stream()
                    .map(a -> a.toString().replaceFirst("/p2p/.*$", ""))
                    .collect(Collectors.joining(", ")));
  }

  static String stateText(SyncSnapshot s, @Nullable SyncStatus status) {
    if (!s.enabled()) {
      return "Sync is off: nothing leaves this device, and no one on the network can see it.";
    }
    if (status == null) {
      return s.failure() != null ? "Sync is switched on but not running." : "Starting…";
    }
    long connected = status.peers().size();
    if (s.joinPending() || !s.canWrite()) {
      return connected == 0
          ? "Joining: waiting to reach a member of the workspace…"
          : "Joining: connected, waiting for the workspace to arrive…";
    }
    return connected == 0
        ? "Sync is on. No peer is connected: the others will catch up when they come online."
        : "Sync is on. Connected to " + connected + (connected == 1 ? " peer." : " peers.");
  }

  static String lastSyncText(long millis, long now) {
    if (millis == 0) {
      return "not yet";
    }
    long ago = Math.max(0, (now - millis) / 1000);
    String agoText =
        ago < 60 ? ago + " s ago" : ago < 3600 ? ago / 60 + " min ago" : ago / 3600 + " h ago";
    return TIME.format(Instant.ofEpochMilli(millis)) + " (" + agoText + ")";
  }

  private static void setShown(Node n, boolean shown) {
    n.setVisible(shown);
    n.setManaged(shown);
  }

  private static final class PeerCell extends ListCell<PeerRow> {
    @Override
    protected void updateItem(@Nullable PeerRow row, boolean empty) {
      super.updateItem(row, empty);
      if (empty || row == null) {
        setText(null);
        setGraphic(null);
        return;
      }
      Circle dot = new Circle(4, javafx.scene.paint.Color.TRANSPARENT);
      dot.setStyle(
          "-fx-fill: " + (row.connected() ? "-color-success-emphasis" : "-color-fg-subtle") + ";");
      Label who =
          new Label(row.name().isEmpty() ? row.shortId() : row.name() + "  " + row.shortId());
      Label what =
          new Label(
              (row.connected()
                      ? "connected"
                      : "last seen " + TIME.format(Instant.ofEpochMilli(row.lastSeenMillis())))
                  + (row.agent().isEmpty() ? "" : " · " + row.agent()));
      what.getStyleClass().add(Styles.TEXT_MUTED);
      Region gap = new Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      HBox line = new HBox(8, dot, who, gap, what);
      line.setAlignment(Pos.CENTER_LEFT);
      setText(null);
      setGraphic(line);
    }
  }
}
