package org.rhizome.ui.peers;

import atlantafx.base.theme.Styles;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.rhizome.graph.membership.Grant;
import org.rhizome.graph.membership.Role;

/**
 * Makes an invite: who it is for (a new member, with the role they join with, or another device of
 * mine) and how long it stays valid; then shows the one-line invite text to copy and send
 * privately. The invite is registered on the sync thread, not the FX thread. FX thread only.
 */
public final class InviteDialog {
  private final SyncViewModel model;
  private final Dialog<Void> dialog = new Dialog<>();
  private final ChoiceBox<Grant> grant = new ChoiceBox<>();
  private final ChoiceBox<Role> role = new ChoiceBox<>();
  private final Label roleLabel = new Label("Role");
  private final Label roleHelp = new Label();
  private final ChoiceBox<Duration> validity = new ChoiceBox<>();
  private final Button create = new Button("Create invite");
  private final TextArea text = new TextArea();
  private final Button copy = new Button("Copy");
  private final Label note = new Label();

  public InviteDialog(SyncViewModel model) {
    this.model = model;
    dialog.setTitle("Invite");
    dialog.setHeaderText("Invite a person or another of your devices to this workspace");
    SyncSnapshot s = model.snapshotProperty().get();
    boolean admin = s != null && s.isAdmin();
    // Only an admin invites new people (decision 0007); anyone who writes may add a device.
    if (admin) {
      grant.getItems().addAll(Grant.MEMBER, Grant.DEVICE);
      grant.setValue(Grant.MEMBER);
    } else {
      grant.getItems().add(Grant.DEVICE);
      grant.setValue(Grant.DEVICE);
      grant.setTooltip(new Tooltip("Only an admin invites new people."));
    }
    grant.setId("inviteGrant");
    role.setId("inviteRole");
    role.getItems().addAll(Role.READER, Role.WRITER, Role.ADMIN);
    role.setValue(Role.WRITER);
    role.setConverter(converter(MembersPane::roleText));
    roleHelp.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    roleHelp.setWrapText(true);
    Runnable showRole =
        () -> {
          boolean member = grant.getValue() == Grant.MEMBER;
          role.setDisable(!member);
          roleHelp.setText(
              member
                  ? MembersPane.roleHelp(role.getValue())
                  : "A device has the role of its person: yours"
                      + (s == null
                          ? "."
                          : s.myRole().map(r -> ", " + r.wireName() + ".").orElse(".")));
        };
    grant.valueProperty().addListener((o, a, b) -> showRole.run());
    role.valueProperty().addListener((o, a, b) -> showRole.run());
    showRole.run();
    grant.setConverter(
        converter(g -> g == Grant.MEMBER ? "A person (a new member)" : "Another device of mine"));
    validity.getItems().addAll(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7));
    validity.setValue(Duration.ofDays(1));
    validity.setConverter(
        converter(
            d ->
                d.toDays() >= 1
                    ? d.toDays() + (d.toDays() == 1 ? " day" : " days")
                    : d.toHours() + " hour"));
    create.setId("createInvite");
    create.getStyleClass().add(Styles.ACCENT);
    create.setDefaultButton(true);
    create.setOnAction(e -> create());
    text.setId("inviteText");
    text.setEditable(false);
    text.setWrapText(true);
    text.setPrefRowCount(5);
    text.setPromptText("The invite appears here.");
    copy.setId("copyInvite");
    copy.setDisable(true);
    copy.setOnAction(
        e -> {
          ClipboardContent c = new ClipboardContent();
          c.putString(text.getText());
          Clipboard.getSystemClipboard().setContent(c);
          note.setText("Copied. " + note.getText().replaceFirst("^Copied\\. ", ""));
        });
    note.setId("inviteNote");
    note.setWrapText(true);
    note.setMinHeight(
        javafx.scene.layout.Region
            .USE_PREF_SIZE); // a wrapped label in a dialog is cut short otherwise
    GridPane form = new GridPane();
    form.setHgap(10);
    form.setVgap(8);
    form.addRow(0, new Label("For"), grant);
    form.addRow(1, roleLabel, role);
    form.add(roleHelp, 1, 2);
    form.addRow(3, new Label("Valid for"), validity);
    VBox content = new VBox(12, form, create, text, copy, note);
    content.setPrefWidth(520);
    dialog.getDialogPane().setContent(content);
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
  }

  public void show(Window owner) {
    dialog.initOwner(owner);
    dialog.show();
  }

  public Dialog<Void> dialog() {
    return dialog;
  }

  private void create() {
    create.setDisable(true);
    note.setText("Registering the invite…");
    Duration valid = validity.getValue();
    model
        .createInvite(grant.getValue(), role.getValue(), valid)
        .whenComplete(
            (invite, error) ->
                Platform.runLater(
                    () -> {
                      create.setDisable(false);
                      if (error != null) {
                        Throwable cause =
                            error instanceof CompletionException && error.getCause() != null
                                ? error.getCause()
                                : error;
                        note.setText("Could not create the invite: " + cause.getMessage());
                        return;
                      }
                      text.setText(invite.format());
                      model.refresh();
                      copy.setDisable(false);
                      String until =
                          ZonedDateTime.now()
                              .plus(valid)
                              .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT));
                      note.setText(
                          "Send this text privately: whoever has it can join until "
                              + until
                              + ". It carries "
                              + invite.addresses().size()
                              + " address"
                              + (invite.addresses().size() == 1 ? "" : "es")
                              + " of this device; keep sync on "
                              + "until the new device has joined.");
                    }));
  }

  private static <T> StringConverter<T> converter(java.util.function.Function<T, String> show) {
    return new StringConverter<>() {
      @Override
      public String toString(T t) {
        return t == null ? "" : show.apply(t);
      }

      @Override
      public T fromString(String s) {
        throw new UnsupportedOperationException("choices are not typed");
      }
    };
  }
}
