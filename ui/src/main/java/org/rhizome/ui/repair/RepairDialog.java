package org.rhizome.ui.repair;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.repair.CheckReport;
import org.rhizome.graph.repair.RepairReport;
import org.rhizome.graph.repair.WorkspaceCheck;
import org.rhizome.graph.repair.WorkspaceRepair;

/**
 * The window a damaged workspace gets instead of the main window: what is wrong, then Check,
 * Repair, Open (anyway, when the file opens at all) and Quit. Check and Repair run the engine's
 * {@link WorkspaceCheck} and {@link WorkspaceRepair} on a {@code rhizome-repair} thread while a bar
 * and the seconds spent show progress; their reports are worded as the CLI's. After a repair (or a
 * check that finds the file intact) Open opens the workspace, also off the FX thread, and completes
 * the outcome with it; Quit (or closing the window) completes it with {@link Quit}.
 *
 * <p>Built and used on the FX thread.
 */
final class RepairDialog {
  static final String ROOT_ID = "repair-dialog";

  /** The person closed the dialog without opening the workspace. */
  static final class Quit extends Exception {
    private static final long serialVersionUID = 1L;

    Quit() {
      super("the person quit the repair dialog");
    }
  }

  private final Path file;
  private final WorkspaceRecovery.Opener opener;
  private final CompletableFuture<Workspace> outcome;
  private final Stage stage = new Stage();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "rhizome-repair");
            t.setDaemon(true);
            return t;
          });
  private final Label header = new Label();
  private final Label status = new Label();
  private final ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
  private final TextArea details = new TextArea();
  private final Button check = new Button("Check");
  private final Button repair = new Button("Repair");
  private final Button open = new Button("Open anyway");
  private final Button quit = new Button("Quit");
  private final Timeline ticker = new Timeline(new KeyFrame(Duration.millis(500), e -> tick()));
  private @Nullable String running;
  private long startedNanos;

  RepairDialog(
      Path file,
      String problem,
      boolean opens,
      WorkspaceRecovery.Opener opener,
      CompletableFuture<Workspace> outcome) {
    this.file = file;
    this.opener = opener;
    this.outcome = outcome;
    if (Application.getUserAgentStylesheet() == null) {
      Application.setUserAgentStylesheet(
          new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    }
    header.setText(RepairTexts.header(file, opens));
    header.getStyleClass().add("title-3");
    header.setWrapText(true);
    Label what = new Label(problem);
    what.setWrapText(true);
    what.setId("repair-problem");
    Label explain = new Label(RepairTexts.EXPLAIN);
    explain.setWrapText(true);
    explain.getStyleClass().add("text-muted");
    progress.setVisible(false);
    progress.managedProperty().bind(progress.visibleProperty());
    progress.setPrefWidth(160);
    status.setId("repair-status");
    HBox working = new HBox(10, progress, status);
    working.setAlignment(Pos.CENTER_LEFT);
    details.setId("repair-details");
    details.setEditable(false);
    details.setWrapText(true);
    details.setPrefRowCount(9);
    details.setPromptText("The check's or the repair's report shows here.");
    VBox.setVgrow(details, Priority.ALWAYS);
    check.setId("repair-check");
    repair.setId("repair-repair");
    open.setId("repair-open");
    quit.setId("repair-quit");
    repair.setDefaultButton(true);
    open.setVisible(opens);
    open.setManaged(opens);
    ButtonBar.setButtonData(check, ButtonBar.ButtonData.LEFT);
    ButtonBar.setButtonData(repair, ButtonBar.ButtonData.OK_DONE);
    ButtonBar.setButtonData(open, ButtonBar.ButtonData.NEXT_FORWARD);
    ButtonBar.setButtonData(quit, ButtonBar.ButtonData.CANCEL_CLOSE);
    ButtonBar.setButtonUniformSize(
        open, false); // "Open the repaired workspace" is longer than the rest
    ButtonBar buttons = new ButtonBar();
    buttons.getButtons().addAll(check, repair, open, quit);
    check.setOnAction(e -> runCheck());
    repair.setOnAction(e -> runRepair());
    open.setOnAction(e -> runOpen());
    quit.setOnAction(e -> close());
    VBox root = new VBox(12, header, what, explain, working, details, buttons);
    root.setId(ROOT_ID);
    root.setPadding(new Insets(20));
    root.setPrefWidth(640);
    stage.setScene(new Scene(root));
    stage.setTitle("Rhizome — " + RepairTexts.header(file, opens));
    stage.setOnCloseRequest(
        e -> {
          if (running != null) {
            e.consume(); // a repair is not stopped halfway; the buttons say so
          } else {
            close();
          }
        });
    ticker.setCycleCount(Timeline.INDEFINITE);
  }

  void show() {
    stage.show();
    repair.requestFocus();
  }

  Stage stage() {
    return stage;
  }

  private void runCheck() {
    start("Checking");
    worker.execute(
        () -> {
          try {
            Path scratch = Files.createTempDirectory("rhizome-check");
            CheckReport r;
            try {
              r = WorkspaceCheck.run(file, scratch);
            } finally {
              deleteQuietly(scratch);
            }
            CheckReport report = r;
            Platform.runLater(
                () -> {
                  done(
                      report.ok()
                          ? "Checked: the file is intact."
                          : "Checked: the file is damaged.",
                      RepairTexts.check(report));
                  if (report.ok()) {
                    offerOpen("Open");
                  }
                });
          } catch (Exception | Error e) {
            Platform.runLater(() -> done("The check failed.", message(e)));
          }
        });
  }

  private void runRepair() {
    start("Repairing");
    worker.execute(
        () -> {
          try {
            RepairReport r = WorkspaceRepair.run(file);
            Platform.runLater(
                () -> {
                  done("Repaired.", RepairTexts.repair(r));
                  header.setText(RepairTexts.repairedHeader(file));
                  repair.setDisable(true);
                  offerOpen("Open the repaired workspace");
                });
          } catch (Exception | Error e) {
            Platform.runLater(
                () -> done("The repair failed; the file was left as it was.", message(e)));
          }
        });
  }

  private void runOpen() {
    start("Opening");
    worker.execute(
        () -> {
          try {
            Workspace ws = opener.open();
            Platform.runLater(
                () -> {
                  ticker.stop();
                  running = null;
                  worker.shutdown();
                  stage.close();
                  outcome.complete(ws);
                });
          } catch (Exception | Error e) {
            Platform.runLater(() -> done("It still cannot be opened.", message(e)));
          }
        });
  }

  private void offerOpen(String label) {
    open.setText(label);
    open.setVisible(true);
    open.setManaged(true);
    open.setDefaultButton(true);
    repair.setDefaultButton(false);
    open.requestFocus();
  }

  private void start(String what) {
    running = what;
    startedNanos = System.nanoTime();
    progress.setVisible(true);
    for (Button b : new Button[] {check, repair, open, quit}) {
      b.setDisable(true);
    }
    tick();
    ticker.play();
  }

  private void done(String outcomeText, String report) {
    ticker.stop();
    running = null;
    progress.setVisible(false);
    status.setText(outcomeText);
    details.setText(report);
    check.setDisable(false);
    repair.setDisable(false);
    open.setDisable(false);
    quit.setDisable(false);
  }

  private void tick() {
    if (running != null) {
      long s = (System.nanoTime() - startedNanos) / 1_000_000_000L;
      status.setText(running + " " + RepairTexts.name(file) + "… " + s + " s");
    }
  }

  private void close() {
    worker.shutdownNow();
    stage.close();
    outcome.completeExceptionally(new Quit());
  }

  private static String message(Throwable e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a scratch directory left in the temp folder costs nothing that matters
    }
  }
}
