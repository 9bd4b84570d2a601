package org.rhizome.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rhizome.ui.shell.UiHarness.onFx;
import static org.rhizome.ui.shell.UiHarness.runFx;
import static org.rhizome.ui.shell.UiHarness.waitFor;

import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.ui.editor.NoteTab;
import org.testfx.api.FxRobot;

class NoteCommandsIT {
  @TempDir Path dir;
  final FxRobot robot = new FxRobot();

  @Test
  void dailyNoteIsCreatedOnceFromTheDailyTemplate() throws Exception {
    try (UiHarness ui =
        UiHarness.start(
            dir, ws -> ws.createNote("Daily template", "# {{title}}\n\n- [ ] plan\n\n#template"))) {
      String today = LocalDate.now().toString();
      runFx(() -> ui.session().context().commands().run("note.daily"));
      waitFor("daily note open", () -> activeTitle(ui).equals(today));
      var note =
          ui.workspace().findNote(ui.workspace().resolve(today).orElseThrow().soul()).orElseThrow();
      assertThat(note.body()).isEqualTo("# " + today + "\n\n- [ ] plan\n\n");
      long count = ui.workspace().noteCount();
      runFx(() -> ui.window().editors().closeSelected());
      runFx(() -> ui.session().context().commands().run("note.daily"));
      waitFor("daily note open again", () -> activeTitle(ui).equals(today));
      assertThat(ui.workspace().noteCount()).isEqualTo(count);
    }
  }

  @Test
  void newNoteFromATemplateStartsWithItsText() throws Exception {
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws -> {
              ws.createNote(
                  "Meeting", "---\ntags: [template]\n---\n## Attendees\n\n## Decisions\n");
              ws.createNote("Other", "not a template");
            })) {
      runFx(() -> ui.session().context().commands().run("note.fromTemplate"));
      waitFor("templates listed", () -> ui.window().overlay().isShowing());
      robot.write("meet");
      robot.type(KeyCode.ENTER);
      waitFor(
          "new note open",
          () ->
              ui.window().editors().activeNoteTab().map(NoteTab::isLoaded).orElse(false)
                  && activeTitle(ui).equals("Untitled"));
      assertThat(
              onFx(
                  () ->
                      ui.window()
                          .editors()
                          .activeNoteTab()
                          .orElseThrow()
                          .editor()
                          .area()
                          .getText()))
          .isEqualTo("## Attendees\n\n## Decisions\n");
    }
  }

  @Test
  void fontSizeSettingAppliesToOpenEditors() throws Exception {
    org.rhizome.graph.model.Soul[] a = new org.rhizome.graph.model.Soul[1];
    try (UiHarness ui = UiHarness.start(dir, ws -> a[0] = ws.createNote("A", "text"))) {
      runFx(() -> ui.window().openNote(a[0]));
      waitFor(
          "open", () -> ui.window().editors().activeNoteTab().map(NoteTab::isLoaded).orElse(false));
      runFx(() -> ui.session().context().settings().editorFontSize().set(21));
      assertThat(
              onFx(
                  () ->
                      ui.window()
                          .editors()
                          .activeNoteTab()
                          .orElseThrow()
                          .editor()
                          .area()
                          .getStyle()))
          .contains("-fx-font-size: 21px");
      runFx(() -> ui.session().context().commands().run("settings.open"));
      waitFor(
          "settings tab",
          () -> ui.session().stage().getScene().lookup("#settings-font-size") != null);
    }
  }

  static String activeTitle(UiHarness ui) {
    return ui.window().editors().activeNoteTab().map(t -> t.tab().getText()).orElse("");
  }
}
