package org.rhizome.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rhizome.ui.shell.UiHarness.onFx;
import static org.rhizome.ui.shell.UiHarness.runFx;
import static org.rhizome.ui.shell.UiHarness.waitFor;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.model.Soul;

class MainWindowIT {
  @TempDir Path dir;

  @Test
  void firstStartOpensTheWelcomeNoteOfTheWelcomeWorkspace() throws Exception {
    try (UiHarness ui = UiHarness.start(dir, ws -> {})) {
      assertThat(ui.workspace().noteCount()).isGreaterThanOrEqualTo(8);
      String title =
          onFx(() -> ui.window().editors().activeNoteTab().orElseThrow().tab().getText());
      assertThat(title).isEqualTo("Welcome");
      String text =
          onFx(() -> ui.window().editors().activeNoteTab().orElseThrow().editor().area().getText());
      assertThat(text).contains("[[Links and backlinks]]");
      assertThat(onFx(() -> ui.session().stage().getIcons().size()))
          .as("window icons")
          .isEqualTo(7);
    }
  }

  @Test
  void welcomeNotesAreNotAddedToAWorkspaceThatHasNotes() throws Exception {
    try (UiHarness ui = UiHarness.start(dir, ws -> ws.createNote("Mine", "my own"))) {
      assertThat(ui.workspace().noteCount()).isEqualTo(1);
      assertThat(onFx(() -> ui.window().editors().openNotes())).isEmpty();
    }
  }

  @Test
  void openTabsAndActiveTabAreRestoredOnTheNextStart() throws Exception {
    Soul[] souls = new Soul[2];
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws -> {
              souls[0] = ws.createNote("One", "first");
              souls[1] = ws.createNote("Two", "second");
            })) {
      runFx(
          () -> {
            ui.window().openNote(souls[1]);
            ui.window().openNote(souls[0]);
          });
      waitFor(
          "both tabs loaded",
          () ->
              ui.window().editors().openNotes().size() == 2
                  && ui.window().editors().activeNoteTab().map(t -> t.isLoaded()).orElse(false));
      ui.closeWindow();
      ui.open();
      assertThat(onFx(() -> ui.window().editors().openNotes()))
          .isEqualTo(List.of(souls[1], souls[0]));
      assertThat(onFx(() -> ui.window().editors().activeNote().get())).isEqualTo(souls[0]);
    }
  }

  @Test
  void paletteListsEveryCommandWithItsShortcut() throws Exception {
    try (UiHarness ui = UiHarness.start(dir, ws -> ws.createNote("Mine", "x"))) {
      runFx(() -> ui.window().palette().show());
      int commands = onFx(() -> ui.session().context().commands().all().size());
      waitFor(
          "palette filled",
          () -> ui.window().palette().picker().resultList().getItems().size() == commands - 1);
      runFx(() -> ui.window().palette().picker().queryField().setText("quick swi"));
      waitFor(
          "palette filtered",
          () -> {
            var items = ui.window().palette().picker().resultList().getItems();
            return !items.isEmpty() && items.get(0).id().equals("switcher.open");
          });
      assertThat(
              onFx(
                  () ->
                      ui.window().palette().picker().resultList().getItems().get(0).shortcutText()))
          .isNotEmpty();
    }
  }

  @Test
  void aFailedQueryShowsAPlainMessageInTheStatusBar() throws Exception {
    try (UiHarness ui = UiHarness.start(dir, ws -> ws.createNote("Mine", "x"))) {
      runFx(
          () ->
              ui.session()
                  .context()
                  .background()
                  .load(
                      () -> {
                        throw new org.rhizome.graph.api.StoreException("the disk is full");
                      },
                      v -> {},
                      "Could not load the thing"));
      waitFor(
          "message shown",
          () -> ui.window().statusBar().message().getText().startsWith("Could not load the thing"));
      Label message = onFx(() -> ui.window().statusBar().message());
      assertThat(onFx(message::getText)).isEqualTo("Could not load the thing: the disk is full");
    }
  }
}
