package org.rhizome.ui.peers;

import atlantafx.base.theme.Styles;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Creates a shared workspace: its name and the name this device's person goes by. The file is
 * created through {@link SharedWorkspaceActions} (off the FX thread). FX thread only.
 */
public final class CreateSharedDialog {
  private final SharedWorkspaceActions actions;
  private final Consumer<String> report;
  private final Dialog<Void> dialog = new Dialog<>();
  private final TextField workspaceName = new TextField();
  private final TextField memberName = new TextField(System.getProperty("user.name", ""));
  private final Label error = new Label();
  private final Button create = new Button("Create");

  public CreateSharedDialog(SharedWorkspaceActions actions, Consumer<String> report) {
    this.actions = actions;
    this.report = report;
    dialog.setTitle("Create a shared workspace");
    dialog.setHeaderText("A shared workspace syncs with the devices you invite");
    workspaceName.setId("sharedName");
    workspaceName.setPromptText("Team notes");
    memberName.setId("founderName");
    error.setId("createError");
    error.setWrapText(true);
    error.getStyleClass().add(Styles.DANGER);
    error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    create.setId("createConfirm");
    create.getStyleClass().add(Styles.ACCENT);
    create.disableProperty().bind(workspaceName.textProperty().isEmpty());
    create.setOnAction(e -> create());
    GridPane form = new GridPane();
    form.setHgap(10);
    form.setVgap(8);
    form.addRow(0, new Label("Workspace name"), workspaceName);
    form.addRow(1, new Label("Your name"), memberName);
    VBox content = new VBox(12, form, error, create);
    content.setPrefWidth(460);
    dialog.getDialogPane().setContent(content);
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
  }

  public void show(Window owner) {
    dialog.initOwner(owner);
    dialog.show();
  }

  private void create() {
    String name = workspaceName.getText().strip();
    if (name.isEmpty()) {
      error.setText("Give the workspace a name.");
      return;
    }
    create.disableProperty().unbind();
    create.setDisable(true);
    actions
        .createShared(name, memberName.getText().strip())
        .whenComplete(
            (v, e) ->
                Platform.runLater(
                    () -> {
                      if (e != null) {
                        Throwable cause =
                            e instanceof CompletionException && e.getCause() != null
                                ? e.getCause()
                                : e;
                        error.setText("Could not create the workspace: " + cause.getMessage());
                        create.setDisable(false);
                      } else {
                        report.accept("Created “" + name + "”: it opens in a new window.");
                        dialog.close();
                      }
                    }));
  }
}
