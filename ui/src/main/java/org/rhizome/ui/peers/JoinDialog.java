package org.rhizome.ui.peers;

import atlantafx.base.theme.Styles;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.replication.invite.InvalidInviteException;
import org.rhizome.sync.replication.invite.Invite;

/**
 * Joins a shared workspace with an invite someone sent: paste the invite, give the name the others
 * will see. The invite is checked as it is typed (a damaged or partial paste gets a plain sentence,
 * never a stack trace); joining creates the workspace's replica through {@link
 * SharedWorkspaceActions}. FX thread only.
 */
public final class JoinDialog {
  private final SharedWorkspaceActions actions;
  private final Consumer<String> report;
  private final Dialog<Void> dialog = new Dialog<>();
  private final TextArea input = new TextArea();
  private final TextField name = new TextField(System.getProperty("user.name", ""));
  private final Label error = new Label();
  private final Label summary = new Label();
  private final Button join = new Button("Join");
  private @Nullable Invite parsed;

  public JoinDialog(SharedWorkspaceActions actions, Consumer<String> report) {
    this.actions = actions;
    this.report = report;
    dialog.setTitle("Join a shared workspace");
    dialog.setHeaderText("Paste the invite you were sent");
    input.setId("inviteInput");
    input.setPromptText(Invite.PREFIX + "…");
    input.setWrapText(true);
    input.setPrefRowCount(4);
    input.textProperty().addListener((o, a, b) -> check());
    name.setId("memberName");
    name.setPromptText("Your name, as the others will see it");
    error.setId("joinError");
    error.setWrapText(true);
    error.getStyleClass().add(Styles.DANGER);
    error.setMinHeight(
        javafx.scene.layout.Region
            .USE_PREF_SIZE); // a wrapped label in a dialog is cut short otherwise
    summary.setId("joinSummary");
    summary.setWrapText(true);
    summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    join.setId("joinConfirm");
    join.getStyleClass().add(Styles.ACCENT);
    join.setDisable(true);
    join.setOnAction(e -> join());
    VBox content = new VBox(10, input, error, summary, new Label("Your name"), name, join);
    content.setPrefWidth(520);
    dialog.getDialogPane().setContent(content);
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
  }

  public void show(Window owner) {
    dialog.initOwner(owner);
    dialog.show();
  }

  public Dialog<Void> dialog() {
    return dialog;
  }

  private void check() {
    parsed = null;
    summary.setText("");
    String text = input.getText();
    if (text == null || text.isBlank()) {
      error.setText("");
      join.setDisable(true);
      return;
    }
    try {
      Invite invite = Invite.parse(text);
      parsed = invite;
      error.setText("");
      summary.setText(
          "Workspace “"
              + invite.workspaceName()
              + "”, reachable at "
              + invite.addresses().size()
              + " address"
              + (invite.addresses().size() == 1 ? "" : "es")
              + ".");
    } catch (InvalidInviteException e) {
      error.setText("This is not a valid invite: " + e.getMessage());
    }
    join.setDisable(parsed == null);
  }

  private void join() {
    Invite invite = parsed;
    if (invite == null) {
      return;
    }
    join.setDisable(true);
    summary.setText("Creating the workspace…");
    actions
        .join(invite, name.getText().strip())
        .whenComplete(
            (v, e) ->
                Platform.runLater(
                    () -> {
                      if (e != null) {
                        Throwable cause =
                            e instanceof CompletionException && e.getCause() != null
                                ? e.getCause()
                                : e;
                        error.setText("Could not join: " + cause.getMessage());
                        summary.setText("");
                        join.setDisable(false);
                      } else {
                        report.accept(
                            "Joining “" + invite.workspaceName() + "”: it opens in a new window.");
                        dialog.close();
                      }
                    }));
  }
}
