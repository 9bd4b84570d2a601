package org.rhizome.ui;

import atlantafx.base.theme.PrimerLight;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The placeholder desktop window: the workspace's note count and a line saying the full UI is
 * coming. The count is read on a background thread ({@code rhizome-ui-loader}); the scene is only
 * touched on the FX thread. The workspace comes from {@link WorkspaceHandoff}.
 */
public final class RhizomeApp extends Application {
  private static final Logger log = LoggerFactory.getLogger(RhizomeApp.class);

  private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "rhizome-ui-loader");
    t.setDaemon(true);
    return t;
  });
  private @Nullable Workspace workspace;

  @Override
  public void init() {
    workspace = WorkspaceHandoff.take();
  }

  @Override
  public void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    Label count = new Label("Counting notes…");
    count.setStyle("-fx-font-size: 2em;");
    Label coming = new Label("The full Rhizome UI is coming. Until then, use the rhizome command line (rhizome -h).");
    coming.setWrapText(true);
    coming.setTextAlignment(TextAlignment.CENTER);
    VBox root = new VBox(16, count, coming);
    root.setAlignment(Pos.CENTER);
    root.setPadding(new Insets(32));

    Workspace ws = workspace;
    if (ws != null) {
      Task<Long> countNotes = new Task<>() {
        @Override
        protected Long call() throws Exception {
          return ws.status().notes();
        }
      };
      // Task handlers run on the FX thread.
      countNotes.setOnSucceeded(e -> count.setText(noteCount(countNotes.getValue())));
      countNotes.setOnFailed(e -> {
        log.error("could not count the notes of {}", ws.file(), countNotes.getException());
        count.setText("Could not read the workspace (see the log).");
      });
      loader.execute(countNotes);
    }

    stage.setTitle("Rhizome");
    stage.setScene(new Scene(root, 640, 400));
    stage.show();
  }

  static String noteCount(long notes) {
    return notes == 1 ? "1 note" : notes + " notes";
  }

  @Override
  public void stop() {
    loader.shutdownNow();
  }
}
