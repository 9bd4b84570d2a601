package org.rhizome.ui.vault;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.vault.VaultProblem;

/**
 * The window an import or export runs under: a bar with counts and rate, Cancel (which undoes an
 * import), then the summary and any problems, and Close. FX thread only; progress from the task's
 * thread is coalesced to at most one scene update per pulse.
 */
final class VaultProgressDialog implements VaultTask.Listener {
  private final VaultTask task;
  private final Stage stage = new Stage();
  private final ProgressBar bar = new ProgressBar(0);
  private final Label status = new Label("Reading the folder…");
  private final TextArea problems = new TextArea();
  private final Button button = new Button("Cancel");
  private final AtomicReference<long @Nullable []> latest = new AtomicReference<>();
  private final AtomicReference<@Nullable String> latestPhase = new AtomicReference<>();
  private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
  // Written by the task's thread only:
  private String taskPhase = "";
  private long taskPhaseStart;

  VaultProgressDialog(VaultTask task, @Nullable Window owner) {
    this.task = task;
    String verb = task.kind() == VaultTask.Kind.IMPORT ? "Importing" : "Exporting";
    stage.setTitle(verb + " " + task.folder().getFileName());
    if (owner != null) {
      stage.initOwner(owner);
      stage.initModality(Modality.WINDOW_MODAL);
    }
    bar.setMaxWidth(Double.MAX_VALUE);
    problems.setEditable(false);
    problems.setWrapText(true);
    problems.setVisible(false);
    problems.setManaged(false);
    problems.setPrefRowCount(8);
    button.setId("vault-dialog-button");
    status.setId("vault-dialog-status");
    status.setWrapText(true);
    button.setOnAction(
        e -> {
          if (done.get()) {
            stage.close();
          } else {
            task.cancel();
            button.setDisable(true);
            status.setText("Cancelling…");
          }
        });
    // Closing the window while it works means cancel, never "leave it half done".
    stage.setOnCloseRequest(
        e -> {
          if (!done.get()) {
            e.consume();
            button.fire();
          }
        });
    HBox buttons = new HBox(button);
    buttons.setStyle("-fx-alignment: center-right;");
    VBox root = new VBox(10, new Label(verb + " " + task.folder()), bar, status, problems, buttons);
    VBox.setVgrow(problems, Priority.ALWAYS);
    root.setPadding(new Insets(16));
    stage.setScene(new Scene(root, 520, 200));
  }

  /** Shows the dialog and starts the task. */
  void start() {
    stage.show();
    task.start(this);
  }

  Stage stage() {
    return stage;
  }

  /** True once the task finished or stopped. */
  ReadOnlyBooleanProperty doneProperty() {
    return done.getReadOnlyProperty();
  }

  /** The bar's progress, 0..1 (FX thread). */
  javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
    return bar.progressProperty();
  }

  String statusText() {
    return status.getText();
  }

  String problemsText() {
    return problems.getText();
  }

  @Override
  public void progress(String newPhase, long count, long total) {
    long now = System.nanoTime();
    if (!newPhase.equals(taskPhase)) {
      taskPhase = newPhase;
      taskPhaseStart = now;
    }
    latestPhase.set(newPhase);
    if (latest.getAndSet(new long[] {count, total, now - taskPhaseStart}) == null) {
      Platform.runLater(this::showProgress);
    }
  }

  private void showProgress() {
    long[] p = latest.getAndSet(null);
    String ph = latestPhase.get();
    if (p == null || ph == null || done.get()) {
      return;
    }
    bar.setProgress(p[1] == 0 ? 1 : (double) p[0] / p[1]);
    if (!button.isDisabled()) {
      // The first batch of a phase has no rate yet: it is timed from the phase's start.
      String rate = p[2] < 50_000_000L ? "" : String.format("  (%.0f/s)", p[0] / (p[2] / 1e9));
      status.setText(String.format("%s: %d of %d%s", ph, p[0], p[1], rate));
    }
  }

  @Override
  public void finished(String summary, List<VaultProblem> found) {
    Platform.runLater(
        () -> {
          done.set(true);
          bar.setProgress(1);
          status.setText(
              summary
                  + (found.isEmpty()
                      ? ""
                      : found.size() == 1
                          ? " 1 thing to look at (nothing was lost):"
                          : " " + found.size() + " things to look at (nothing was lost):"));
          if (!found.isEmpty()) {
            StringBuilder text = new StringBuilder();
            for (VaultProblem p : found) {
              text.append(p).append('\n');
            }
            problems.setText(text.toString());
            problems.setVisible(true);
            problems.setManaged(true);
            stage.setHeight(420);
          }
          closeButton();
        });
  }

  @Override
  public void stopped(String sentence) {
    Platform.runLater(
        () -> {
          done.set(true);
          status.setText(sentence);
          closeButton();
        });
  }

  private void closeButton() {
    button.setText("Close");
    button.setDisable(false);
  }
}
