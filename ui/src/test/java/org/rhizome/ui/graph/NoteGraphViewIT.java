package org.rhizome.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class NoteGraphViewIT {
  @TempDir static Path dir;
  private Workspace workspace;
  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private final CompletableFuture<Soul> opened = new CompletableFuture<>();
  private NoteGraphView view;
  private Soul hub;
  private Soul leaf;

  @Start
  void start(Stage stage) throws Exception {
    workspace =
        Workspace.open(
            dir.resolve("graph-" + System.nanoTime() + ".db"),
            DeviceKey.generate(new SecureRandom()));
    hub = workspace.createNote("Hub", "the centre");
    leaf = workspace.createNote("Leaf", "points at [[Hub]]");
    workspace.createNote("Other", "also [[Hub]] and [[Leaf]]");
    workspace.createNote("Far away", "links to [[Other]]");
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    view = new NoteGraphView(workspace, background, opened::complete);
    stage.setScene(new Scene(view, 800, 600));
    stage.show();
  }

  @AfterEach
  void close() {
    view.close();
    background.shutdownNow();
    workspace.close();
  }

  private void waitForLayout() throws Exception {
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () -> view.layoutStatsProperty().get() != null && view.canvas().positionOf(hub) != null);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private Point2D onScreen(Soul soul) throws Exception {
    CompletableFuture<Point2D> at = new CompletableFuture<>();
    javafx.application.Platform.runLater(
        () -> at.complete(view.canvas().localToScreen(view.canvas().positionOf(soul))));
    return at.get(5, TimeUnit.SECONDS);
  }

  @Test
  void clickingANodeOpensItsNote(FxRobot robot) throws Exception {
    robot.interact(() -> view.showGlobal());
    waitForLayout();
    assertThat(view.canvas().graph().size()).isEqualTo(4);
    // Let the raster the user would see arrive, so the click hits what is drawn.
    WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);

    robot.clickOn(onScreen(leaf));

    assertThat(opened.get(5, TimeUnit.SECONDS)).isEqualTo(leaf);
  }

  @Test
  void localGraphShowsOnlyTheNeighbourhoodAtTheChosenDepth(FxRobot robot) throws Exception {
    robot.interact(() -> view.showLocal(leaf));
    waitForLayout();
    // Depth 2 (the default) reaches "Far away" through "Other"; depth 1 does not.
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.canvas().graph().size() == 4);
    robot.interact(
        () -> robot.lookup(".slider").queryAs(javafx.scene.control.Slider.class).setValue(1));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.canvas().graph().size() == 3);
    assertThat(view.canvas().graph().indexOf(hub)).isNotNegative();

    robot.interact(() -> view.showGlobal());
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.canvas().graph().size() == 4);
  }

  @Test
  void aChangedWorkspaceMarksTheGraphOutOfDateUntilReloaded(FxRobot robot) throws Exception {
    robot.interact(() -> view.showGlobal());
    waitForLayout();
    javafx.scene.control.Button reload = robot.lookup("Reload").queryButton();
    assertThat(reload.getStyleClass()).doesNotContain(atlantafx.base.theme.Styles.ACCENT);

    workspace.createNoteAsync("New one", "[[Hub]]").get(5, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitFor(
        5,
        TimeUnit.SECONDS,
        () -> reload.getStyleClass().contains(atlantafx.base.theme.Styles.ACCENT));

    robot.clickOn(reload);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.canvas().graph().size() == 5);
    assertThat(reload.getStyleClass()).doesNotContain(atlantafx.base.theme.Styles.ACCENT);
  }

  @Test
  void searchHighlightsMatchingNotes(FxRobot robot) throws Exception {
    robot.interact(() -> view.showGlobal());
    waitForLayout();

    robot.clickOn(".text-field").write("lea");

    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.canvas().matches() != null);
    assertThat(view.canvas().matches().cardinality()).isEqualTo(1);
    assertThat(view.canvas().matches().get(view.canvas().graph().indexOf(leaf))).isTrue();
  }
}
