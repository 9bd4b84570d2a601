package org.rhizome.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rhizome.ui.shell.UiHarness.onFx;
import static org.rhizome.ui.shell.UiHarness.runFx;
import static org.rhizome.ui.shell.UiHarness.waitFor;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.editor.NoteTab;
import org.testfx.api.FxRobot;

/** The main flows of the window, as a person does them, on a real workspace, headless. */
class MainFlowsIT {
  @TempDir Path dir;
  final FxRobot robot = new FxRobot();

  @Test
  void createANoteTypeALinkWithCompletionFollowItAndSeeTheBacklink() throws Exception {
    Soul[] target = new Soul[1];
    try (UiHarness ui =
        UiHarness.start(dir, ws -> target[0] = ws.createNote("Target note", "I am the target."))) {
      runFx(() -> ui.session().context().commands().run("note.new"));
      waitFor(
          "new note open with its title selected",
          () ->
              ui.window()
                  .editors()
                  .activeNoteTab()
                  .map(t -> t.isLoaded() && t.tab().getText().equals("Untitled"))
                  .orElse(false));
      Soul source = onFx(() -> ui.window().editors().activeNoteTab().orElseThrow().soul());
      robot.write("Source");
      robot.type(KeyCode.ENTER);
      waitFor(
          "renamed",
          () ->
              ui.window().editors().activeNoteTab().orElseThrow().tab().getText().equals("Source"));
      assertThat(ui.workspace().findNote(source).orElseThrow().title()).isEqualTo("Source");

      runFx(
          () -> ui.window().editors().activeNoteTab().orElseThrow().editor().area().requestFocus());
      robot.write("See [[Tar");
      waitFor(
          "completion offers the target",
          () -> {
            var editor = ui.window().editors().activeNoteTab().orElseThrow().editor();
            return editor.isCompletionShowing();
          });
      robot.type(KeyCode.ENTER);
      waitFor("link completed", () -> text(ui).equals("See [[Target note]]"));
      waitFor("edit written to the engine", () -> body(ui, source).equals("See [[Target note]]"));

      runFx(() -> ui.window().editors().activeNoteTab().orElseThrow().editor().area().moveTo(8));
      runFx(() -> ui.session().context().commands().run("editor.followLink"));
      waitFor("target open", () -> target[0].equals(ui.window().editors().activeNote().get()));
      waitFor("backlink shown", () -> linkedMentions(ui).equals("Linked mentions (1)"));

      // With every note closed, no section keeps the count of the note shown before.
      runFx(
          () -> {
            for (int i = 0; i < 10 && ui.window().editors().activeNoteTab().isPresent(); i++) {
              ui.window().editors().closeSelected();
            }
          });
      waitFor(
          "the right pane shows no note",
          () -> paneTitles(ui).containsAll(List.of("Linked mentions", "Outgoing links")));
      assertThat(paneTitles(ui))
          .filteredOn(t -> t.startsWith("Outgoing links") || t.contains("mentions"))
          .noneMatch(t -> t.contains("("));
    }
  }

  static List<String> paneTitles(UiHarness ui) {
    return ui.session().stage().getScene().getRoot().lookupAll(".titled-pane").stream()
        .map(n -> ((TitledPane) n).getText())
        .toList();
  }

  @Test
  void followingAnUnresolvedLinkCreatesTheNote() throws Exception {
    try (UiHarness ui =
        UiHarness.start(dir, ws -> ws.createNote("Home", "Go to [[Brand new idea]] now"))) {
      Soul home = ui.workspace().resolve("Home").orElseThrow().soul();
      openAndWait(ui, home);
      runFx(() -> ui.window().editors().activeNoteTab().orElseThrow().editor().area().moveTo(12));
      runFx(() -> ui.session().context().commands().run("editor.followLink"));
      waitFor(
          "new note open",
          () ->
              ui.window()
                  .editors()
                  .activeNoteTab()
                  .map(t -> t.tab().getText())
                  .orElse("")
                  .equals("Brand new idea"));
      assertThat(ui.workspace().resolve("Brand new idea")).isPresent();
    }
  }

  @Test
  void renamingANoteRewritesLinksAlsoInAnOpenEditor() throws Exception {
    Soul[] s = new Soul[2];
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws -> {
              s[0] = ws.createNote("Linker", "Points at [[Old name]] here.");
              s[1] = ws.createNote("Old name", "body");
            })) {
      openAndWait(ui, s[0]);
      openAndWait(ui, s[1]);
      runFx(() -> ui.session().context().commands().run("note.rename"));
      robot.write("New name");
      robot.type(KeyCode.ENTER);
      waitFor("engine renamed", () -> title(ui, s[1]).equals("New name"));
      assertThat(body(ui, s[0])).isEqualTo("Points at [[New name]] here.");
      waitFor(
          "open editor of the linking note shows the new link",
          () ->
              ui.window()
                  .editors()
                  .noteTab(s[0])
                  .orElseThrow()
                  .editor()
                  .area()
                  .getText()
                  .equals("Points at [[New name]] here."));
    }
  }

  @Test
  void searchFindsANoteAndOpensIt() throws Exception {
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws -> {
              ws.createNote("Compost", "How to make a compost heap in autumn.");
              ws.createNote("Tomatoes", "Water them in the morning.");
            })) {
      runFx(() -> ui.session().context().commands().run("search.open"));
      runFx(() -> ui.window().search().queryField().setText("heap"));
      waitFor("one hit", () -> ui.window().search().resultList().getItems().size() == 1);
      assertThat(onFx(() -> ui.window().search().resultList().getItems().get(0).note().title()))
          .isEqualTo("Compost");
      runFx(
          () -> {
            ui.window().search().resultList().getSelectionModel().select(0);
            ui.window().search().resultList().requestFocus();
          });
      robot.type(KeyCode.ENTER);
      waitFor(
          "note open",
          () ->
              ui.window()
                  .editors()
                  .activeNoteTab()
                  .map(t -> t.tab().getText())
                  .orElse("")
                  .equals("Compost"));
    }
  }

  @Test
  void quickSwitcherOpensANoteByFuzzyTitleOrAlias() throws Exception {
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws -> {
              ws.createNote("Links and backlinks", "x");
              ws.createNote("Lunch box", "y");
              ws.createNote("Garden", "---\naliases: [Allotment]\n---\nplot");
            })) {
      runFx(() -> ui.session().context().commands().run("switcher.open"));
      waitFor("switcher showing", () -> ui.window().overlay().isShowing());
      robot.write("lnkbk");
      waitFor(
          "best match first",
          () -> {
            var items = ui.window().switcher().picker().resultList().getItems();
            return !items.isEmpty() && "Links and backlinks".equals(items.get(0).name());
          });
      robot.type(KeyCode.ENTER);
      waitFor(
          "opened",
          () ->
              ui.window()
                  .editors()
                  .activeNoteTab()
                  .map(t -> t.tab().getText())
                  .orElse("")
                  .equals("Links and backlinks"));
      assertThat(onFx(() -> ui.window().overlay().isShowing())).isFalse();

      runFx(() -> ui.window().switcher().show());
      robot.write("allot");
      waitFor(
          "alias matched",
          () -> {
            var items = ui.window().switcher().picker().resultList().getItems();
            return !items.isEmpty()
                && items.get(0).isAlias()
                && items.get(0).note().title().equals("Garden");
          });
      robot.type(KeyCode.ENTER);
      waitFor(
          "garden opened",
          () ->
              ui.window()
                  .editors()
                  .activeNoteTab()
                  .map(t -> t.tab().getText())
                  .orElse("")
                  .equals("Garden"));
    }
  }

  @Test
  void toggleThemeSwitchesBetweenLightAndDark() throws Exception {
    try (UiHarness ui = UiHarness.start(dir, ws -> ws.createNote("A", "a"))) {
      assertThat(onFx(() -> ui.session().stage().getScene().getRoot().getStyleClass()))
          .contains("light");
      String lightSheet = onFx(javafx.application.Application::getUserAgentStylesheet);
      runFx(() -> ui.session().context().commands().run("theme.toggle"));
      assertThat(onFx(() -> ui.session().stage().getScene().getRoot().getStyleClass()))
          .contains("dark")
          .doesNotContain("light");
      assertThat(onFx(javafx.application.Application::getUserAgentStylesheet))
          .isNotEqualTo(lightSheet);
      ui.closeWindow();
      ui.open();
      assertThat(onFx(() -> ui.session().stage().getScene().getRoot().getStyleClass()))
          .contains("dark");
    }
  }

  @Test
  void linkingAnUnlinkedMentionEditsTheMentioningNote() throws Exception {
    Soul[] s = new Soul[2];
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws -> {
              s[0] = ws.createNote("Bees", "Bees like flowers.");
              s[1] = ws.createNote("Diary", "Saw some bees today.");
            })) {
      openAndWait(ui, s[0]);
      waitFor("unlinked mention listed", () -> linkButton(ui) != null);
      runFx(() -> linkButton(ui).fire());
      waitFor("mention linked", () -> body(ui, s[1]).equals("Saw some [[Bees|bees]] today."));
      waitFor("now a linked mention", () -> linkedMentions(ui).equals("Linked mentions (1)"));
    }
  }

  static void openAndWait(UiHarness ui, Soul soul) throws Exception {
    runFx(() -> ui.window().openNote(soul));
    waitFor(
        "note loaded",
        () ->
            ui.window().editors().noteTab(soul).map(NoteTab::isLoaded).orElse(false)
                && soul.equals(ui.window().editors().activeNote().get()));
  }

  static String text(UiHarness ui) {
    return ui.window().editors().activeNoteTab().orElseThrow().editor().area().getText();
  }

  static String body(UiHarness ui, Soul soul) {
    try {
      return ui.workspace().findNote(soul).orElseThrow().body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String title(UiHarness ui, Soul soul) {
    try {
      return ui.workspace().findNote(soul).orElseThrow().title();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String linkedMentions(UiHarness ui) {
    return ui.session().stage().getScene().getRoot().lookupAll(".titled-pane").stream()
        .map(n -> ((TitledPane) n).getText())
        .filter(t -> t.startsWith("Linked mentions"))
        .findFirst()
        .orElse("");
  }

  static javafx.scene.control.Button linkButton(UiHarness ui) {
    return ui.session().stage().getScene().getRoot().lookupAll(".link-mention").stream()
        .map(n -> (javafx.scene.control.Button) n)
        .findFirst()
        .orElse(null);
  }
}
