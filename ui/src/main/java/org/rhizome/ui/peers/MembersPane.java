package org.rhizome.ui.peers;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.membership.Member;
import org.rhizome.graph.membership.Person;
import org.rhizome.graph.membership.Role;
import org.rhizome.graph.model.ActorId;

/**
 * The members of a shared workspace in the sync panel (decision 0007): each person with their name,
 * role, key fingerprint and devices; for an admin, a role choice and a Remove button per person;
 * for anyone, Revoke on their own other devices. A control this device may not use is disabled, and
 * hovering it says why. The actions run off the FX thread ({@link SyncViewModel}); a refusal is
 * reported and the list shows the workspace as it is again.
 *
 * <p>Rebuilt only when the people or this device's role change, so an open role list is not closed
 * by the periodic refresh. FX thread only.
 */
final class MembersPane {
  private final SyncViewModel model;
  private final VBox root = new VBox(6);
  private final Label empty = new Label("No members yet.");
  private @Nullable List<Person> shownPeople;
  private @Nullable Optional<Role> shownRole;

  MembersPane(SyncViewModel model) {
    this.model = model;
    root.setId("memberList");
    root.getStyleClass().add("members-pane");
    empty.getStyleClass().add(Styles.TEXT_MUTED);
    root.getChildren().add(empty);
    model.busyProperty().addListener((o, a, b) -> root.setDisable(b));
  }

  Node node() {
    return root;
  }

  /** Shows the snapshot's people (no-op when nothing shown has changed). */
  void show(SyncSnapshot s) {
    if (s.people().equals(shownPeople) && s.myRole().equals(shownRole)) {
      return;
    }
    shownPeople = s.people();
    shownRole = s.myRole();
    if (s.people().isEmpty()) {
      root.getChildren().setAll(empty);
      return;
    }
    root.getChildren().setAll(s.people().stream().map(p -> card(s, p)).toList());
  }

  /** A short id part for a key: its first 8 hex digits (tests find controls by it). */
  static String idOf(ActorId actor) {
    return actor.hex().substring(0, 8);
  }

  private Node card(SyncSnapshot s, Person p) {
    boolean me = p.person().equals(s.myPerson());
    boolean founder = p.devices().stream().anyMatch(d -> d.member().founder());
    Label name = new Label(p.name().isEmpty() ? "(no name)" : p.name());
    name.getStyleClass().add(Styles.TEXT_BOLD);
    name.getStyleClass().add("member-name");
    Label fingerprint = new Label(Member.fingerprint(p.person()));
    fingerprint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "member-fingerprint");
    fingerprint.setTooltip(new Tooltip("Person key " + p.person().hex()));
    HBox tags = new HBox(6);
    tags.setAlignment(Pos.CENTER_LEFT);
    Label role =
        badge(
            p.removed() ? "removed" : p.role().map(Role::wireName).orElse("no role"),
            p.removed() ? Styles.DANGER : p.role().orElse(null) == Role.ADMIN ? Styles.ACCENT : "");
    role.setId("roleBadge-" + idOf(p.person()));
    role.setTooltip(
        new Tooltip(
            p.removed()
                ? "Removed by an admin: their later changes are refused on every replica."
                : p.role().map(MembersPane::roleHelp).orElse("Not a member in good standing.")));
    tags.getChildren().add(role);
    if (founder) {
      tags.getChildren().add(badge("founder", ""));
    }
    if (me) {
      tags.getChildren().add(badge("you", Styles.SUCCESS));
    }

    ComboBox<Role> roleChoice = new ComboBox<>();
    roleChoice.setId("role-" + idOf(p.person()));
    roleChoice.getItems().addAll(Role.READER, Role.WRITER, Role.ADMIN);
    roleChoice.setButtonCell(new RoleCell());
    roleChoice.setCellFactory(v -> new RoleCell());
    p.role().ifPresent(roleChoice::setValue);
    String whyNotRole = whyNoRoleChange(s, p, me);
    roleChoice.setDisable(whyNotRole != null);
    roleChoice
        .valueProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null && was != null && !now.equals(was) && !roleChoice.isDisabled()) {
                model.setRole(p, now);
              }
            });

    Button remove = new Button("Remove…");
    remove.setId("remove-" + idOf(p.person()));
    remove.getStyleClass().addAll(Styles.DANGER, Styles.FLAT);
    String whyNotRemove = whyNoRemoval(s, p, me);
    remove.setDisable(whyNotRemove != null);
    remove.setOnAction(e -> confirmRemoval(p));

    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    HBox top =
        new HBox(
            10,
            name,
            tags,
            spring,
            guarded(roleChoice, whyNotRole, "Change " + p.name() + "'s role"),
            guarded(remove, whyNotRemove, "Remove " + p.name() + " and all their devices"));
    top.setAlignment(Pos.CENTER_LEFT);

    VBox devices = new VBox(2);
    for (Person.Device d : p.devices()) {
      devices.getChildren().add(deviceRow(s, p, d));
    }
    devices.setPadding(new Insets(0, 0, 0, 14));
    VBox card = new VBox(2, top, fingerprint, devices);
    card.setId("member-" + idOf(p.person()));
    card.getStyleClass().add("member-card");
    card.setPadding(new Insets(8, 10, 8, 10));
    card.setStyle(
        "-fx-border-color: -color-border-muted; -fx-border-radius: 6; -fx-background-radius: 6;"
            + (p.removed() ? " -fx-opacity: 0.75;" : ""));
    return card;
  }

  private Node deviceRow(SyncSnapshot s, Person p, Person.Device d) {
    Member m = d.member();
    boolean thisDevice = m.device().equals(s.self());
    Label name = new Label((m.name().isEmpty() ? "(no name)" : m.name()));
    Label fingerprint = new Label(m.fingerprint());
    fingerprint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    fingerprint.setTooltip(new Tooltip("Device key " + m.device().hex()));
    HBox row = new HBox(8, new Label("•"), name, fingerprint);
    row.setAlignment(Pos.CENTER_LEFT);
    if (thisDevice) {
      row.getChildren().add(badge("this device", Styles.SUCCESS));
    }
    if (d.revoked()) {
      row.getChildren().add(badge("revoked", Styles.DANGER));
    }
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    Button revoke = new Button("Revoke…");
    revoke.setId("revoke-" + idOf(m.device()));
    revoke.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
    String why = whyNoRevoke(s, p, d, thisDevice);
    revoke.setDisable(why != null);
    revoke.setOnAction(e -> confirmRevoke(m));
    row.getChildren()
        .addAll(
            spring,
            guarded(
                revoke,
                why,
                "Revoke this device (lost or stolen): its later changes are refused everywhere"));
    row.getStyleClass().add("member-device");
    return row;
  }

  static @Nullable String whyNoRoleChange(SyncSnapshot s, Person p, boolean me) {
    if (!s.isAdmin()) {
      return "Only an admin changes roles; you are "
          + s.myRole().map(Role::wireName).orElse("not a member in good standing")
          + ".";
    }
    if (p.removed()) {
      return p.name() + " was removed: a removed person has no role.";
    }
    if (p.role().orElse(null) == Role.ADMIN && s.otherAdmins(p.person()) == 0) {
      return (me ? "You are" : p.name() + " is")
          + " the last admin: make someone else an admin first.";
    }
    return null;
  }

  static @Nullable String whyNoRemoval(SyncSnapshot s, Person p, boolean me) {
    if (!s.isAdmin()) {
      return "Only an admin removes people; you are "
          + s.myRole().map(Role::wireName).orElse("not a member in good standing")
          + ".";
    }
    if (me) {
      return "You cannot remove yourself: revoke one of your devices instead.";
    }
    if (p.removed()) {
      return p.name() + " was already removed.";
    }
    return null;
  }

  static @Nullable String whyNoRevoke(
      SyncSnapshot s, Person p, Person.Device d, boolean thisDevice) {
    if (thisDevice) {
      return "A device is revoked from another device (or by an admin).";
    }
    if (d.revoked()) {
      return "This device was already revoked.";
    }
    if (p.removed()) {
      return p.name() + " was removed, with all their devices.";
    }
    if (s.myRole().isEmpty()) {
      return "You are not a member in good standing here.";
    }
    if (!s.isAdmin() && !p.person().equals(s.myPerson())) {
      return "Only the device's own person or an admin may revoke it.";
    }
    return null;
  }

  private void confirmRemoval(Person p) {
    Alert alert =
        confirm(
            "Remove " + p.name() + "?",
            "Remove "
                + p.name()
                + " and all their devices from this workspace. What they wrote before stays,"
                + " with their name on it; any change they make after this point is refused on"
                + " every replica. (They still hold the workspace's secret until its keys are"
                + " rotated.)",
            "Remove");
    alert
        .showAndWait()
        .filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
        .ifPresent(b -> model.remove(p));
  }

  private void confirmRevoke(Member m) {
    String name = m.name().isEmpty() ? m.fingerprint() : m.name();
    Alert alert =
        confirm(
            "Revoke " + name + "?",
            "Revoke the device "
                + name
                + " ("
                + m.fingerprint()
                + "), say because it was lost or stolen. Its changes after this point are"
                + " refused on every replica; its person keeps their other devices.",
            "Revoke");
    alert
        .showAndWait()
        .filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
        .ifPresent(b -> model.revoke(m));
  }

  private Alert confirm(String header, String text, String action) {
    ButtonType go = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
    Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, go, ButtonType.CANCEL);
    alert.setTitle(header);
    alert.setHeaderText(header);
    if (root.getScene() != null && root.getScene().getWindow() != null) {
      alert.initOwner(root.getScene().getWindow());
    }
    alert.getDialogPane().lookupButton(go).setId("confirmAction");
    alert.getDialogPane().lookupButton(go).getStyleClass().add(Styles.DANGER);
    return alert;
  }

  /**
   * Wraps {@code control} so that hovering it says what it does, or, when it is disabled, why (a
   * disabled control gets no mouse events, so the tooltip sits on the wrapper).
   */
  static Node guarded(Control control, @Nullable String whyNot, String what) {
    StackPane wrapper = new StackPane(control);
    wrapper.getStyleClass().add("guarded");
    if (whyNot != null) {
      Tooltip tip = new Tooltip(whyNot);
      tip.setWrapText(true);
      tip.setMaxWidth(360);
      Tooltip.install(wrapper, tip);
      control.setUserData(whyNot);
    } else {
      control.setTooltip(new Tooltip(what));
    }
    return wrapper;
  }

  private static Label badge(String text, String style) {
    Label l = new Label(text);
    l.getStyleClass().addAll("member-badge", Styles.TEXT_SMALL);
    if (!style.isEmpty()) {
      l.getStyleClass().add(style);
    }
    l.setStyle(
        "-fx-border-color: -color-border-default; -fx-border-radius: 8; -fx-padding: 0 6 0 6;");
    return l;
  }

  static String roleText(Role role) {
    return switch (role) {
      case READER -> "Reader";
      case WRITER -> "Writer";
      case ADMIN -> "Admin";
    };
  }

  static String roleHelp(Role role) {
    return switch (role) {
      case READER -> "A reader reads every note and changes none.";
      case WRITER -> "A writer writes notes and adds their own devices.";
      case ADMIN -> "An admin also invites people, changes roles and removes people.";
    };
  }

  private static final class RoleCell extends ListCell<Role> {
    @Override
    protected void updateItem(@Nullable Role role, boolean empty) {
      super.updateItem(role, empty);
      setText(empty || role == null ? null : roleText(role));
      setTooltip(empty || role == null ? null : new Tooltip(roleHelp(role)));
    }
  }
}
