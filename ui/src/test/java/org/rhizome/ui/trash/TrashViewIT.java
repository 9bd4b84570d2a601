package org.rhizome.ui.trash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rhizome.ui.shell.UiHarness.onFx;
import static org.rhizome.ui.shell.UiHarness.runFx;
import static org.rhizome.ui.shell.UiHarness.waitFor;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.shell.UiHarness;

/**
 * Delete → Trash → Restore → Empty in the real window (headless, Monocle), with a second writer on
 * the file.
 */
class TrashViewIT {
  @TempDir Path dir;

  @Test
  void deletedNotesShowInTheTrashAndComeBackAndEmptyAsksFirst() throws Exception {
    Soul[] souls = new Soul[3];
    try (UiHarness ui =
            UiHarness.start(
                dir,
                ws -> {
                  souls[0] = ws.createNote("Hub", "the hub");
                  souls[1] = ws.createNote("Plan", "# The plan\nsee [[Hub]]\n");
                  souls[2] = ws.createNote("Scratch", "scratch words");
                });
        // the CLI beside the app: another Workspace, another device key, the same file
        Workspace cli =
            Workspace.open(ui.workspace().file(), DeviceKey.generate(new SecureRandom()))) {
      TrashView trash = ui.window().trash();
      runFx(() -> ui.window().showSidebarTab(findTrashTab(ui)));
      waitFor("the empty trash", () -> trash.countLabel().getText().equals("No deleted notes"));

      cli.deleteNote(souls[1]); // deleted by the other process
      ui.workspace().deleteNote(souls[2]); // deleted here
      waitFor("two deleted notes listed", () -> trash.list().getItems().size() == 2);
      TrashRow newest = onFx(() -> trash.list().getItems().get(0));
      TrashRow older = onFx(() -> trash.list().getItems().get(1));
      assertThat(newest.note().title()).isEqualTo("Scratch");
      assertThat(newest.deletedBy().name()).isEqualTo("You");
      assertThat(older.note().title()).isEqualTo("Plan");
      assertThat(older.deletedBy().name()).isEqualTo("Unknown device");
      assertThat(older.byWhomAndWhen(java.time.ZoneId.systemDefault(), java.time.LocalDate.now()))
          .matches("Deleted by Unknown device · Today \\d\\d:\\d\\d:\\d\\d");
      assertThat(onFx(() -> trash.countLabel().getText())).isEqualTo("2 deleted notes");
      assertThat(ui.workspace().backlinks(souls[0], 10)).isEmpty();

      runFx(() -> trash.list().getSelectionModel().select(1));
      runFx(() -> trash.restoreButton().fire());
      waitFor(
          "Plan restored and opened",
          () ->
              ui.window().editors().noteTab(souls[1]).isPresent()
                  && trash.list().getItems().size() == 1);
      assertThat(ui.workspace().findNote(souls[1]).orElseThrow().body())
          .isEqualTo("# The plan\nsee [[Hub]]\n");
      assertThat(ui.workspace().backlinks(souls[0], 10))
          .extracting(b -> b.source().soul())
          .containsExactly(souls[1]);
      assertThat(cli.findNote(souls[1])).isPresent();
      assertThat(onFx(() -> trash.statusLabel().getText())).isEqualTo("Restored \"Plan\".");

      // Empty Trash asks first: Cancel keeps everything
      Platform.runLater(() -> trash.emptyButton().fire());
      DialogPane dialog = waitForDialog();
      assertThat(dialog.getHeaderText()).isEqualTo("Empty the trash?");
      assertThat(dialog.getContentText()).contains("cleared for good");
      runFx(() -> button(dialog, "Cancel").fire());
      waitFor("the dialog closed", () -> openDialog().isEmpty());
      assertThat(ui.workspace().trashCount()).isEqualTo(1);

      Platform.runLater(() -> trash.emptyButton().fire());
      DialogPane again = waitForDialog();
      runFx(() -> button(again, TrashView.EMPTY_BUTTON).fire());
      waitFor(
          "the trash emptied",
          () ->
              trash.list().getItems().isEmpty()
                  && trash.statusLabel().getText().equals("Emptied the trash: 1 note cleared."));
      assertThat(ui.workspace().trashCount()).isZero();
      assertThat(cli.trashCount()).isZero();
      assertThat(ui.workspace().findNote(souls[2])).isEmpty();
      assertThat(onFx(() -> trash.emptyButton().isDisabled())).isTrue();
    }
  }

  private static javafx.scene.control.Tab findTrashTab(UiHarness ui) {
    javafx.scene.Node n = ui.window().trash().node();
    javafx.scene.control.TabPane pane =
        (javafx.scene.control.TabPane) ui.window().root().lookup(".sidebar");
    return pane.getTabs().stream().filter(t -> t.getContent() == n).findFirst().orElseThrow();
  }

  private static Optional<DialogPane> openDialog() {
    return Window.getWindows().stream()
        .filter(Window::isShowing)
        .map(w -> w.getScene() == null ? null : w.getScene().getRoot())
        .filter(r -> r instanceof DialogPane)
        .map(r -> (DialogPane) r)
        .findFirst();
  }

  private static DialogPane waitForDialog() throws Exception {
    waitFor("the confirmation dialog", () -> openDialog().isPresent());
    return onFx(() -> openDialog().orElseThrow());
  }

  private static Button button(DialogPane pane, String text) {
    return pane.getButtonTypes().stream()
        .map(pane::lookupButton)
        .map(b -> (Button) b)
        .filter(b -> b.getText().equals(text))
        .findFirst()
        .orElseThrow();
  }
}
