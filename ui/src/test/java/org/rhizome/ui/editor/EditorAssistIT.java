package org.rhizome.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rhizome.ui.editor.EditorSyncIT.body;
import static org.rhizome.ui.shell.UiHarness.onFx;
import static org.rhizome.ui.shell.UiHarness.runFx;
import static org.rhizome.ui.shell.UiHarness.waitFor;

import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.editor.assist.FindReplaceBar;
import org.rhizome.ui.shell.UiHarness;
import org.testfx.api.FxRobot;

/**
 * The editing helpers as a person uses them: real key events typed into a real note of a real
 * workspace, headless, and the text the engine stored checked after each.
 */
class EditorAssistIT {
  @TempDir Path dir;
  final FxRobot robot = new FxRobot();

  @Test
  void enterAndTabInTheTitleMoveToTheText() throws Exception {
    try (UiHarness ui = UiHarness.start(dir, ws -> {})) {
      runFx(() -> ui.session().context().commands().run("note.new"));
      waitFor(
          "new note open, title selected",
          () -> tab(ui).isLoaded() && tab(ui).titleField().isFocused());
      Soul soul = onFx(() -> tab(ui).soul());
      robot.write("Plan");
      robot.type(KeyCode.ENTER);
      waitFor("the text has the caret", () -> tab(ui).editor().area().isFocused());
      robot.write("first words");
      waitFor(
          "renamed and typed",
          () -> title(ui, soul).equals("Plan") && body(ui, soul).equals("first words"));

      runFx(() -> tab(ui).editTitle());
      robot.write("Plan B");
      robot.type(KeyCode.TAB);
      waitFor("Tab moves to the text too", () -> tab(ui).editor().area().isFocused());
      waitFor("renamed", () -> title(ui, soul).equals("Plan B"));
    }
  }

  @Test
  void aRefusedTitleStaysAsTypedWithTheReason() throws Exception {
    Soul[] s = new Soul[2];
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws -> {
              s[0] = ws.createNote("Meeting", "notes");
              s[1] = ws.createNote("Taken", "x");
            })) {
      EditorSyncIT.open(ui, s[0]);
      runFx(() -> tab(ui).editTitle());
      robot.write("Decision: ship");
      robot.type(KeyCode.ENTER);
      waitFor("reason shown", () -> tab(ui).titleError().contains("cannot contain ':'"));
      assertThat(onFx(() -> tab(ui).titleField().getText())).isEqualTo("Decision: ship");
      assertThat(onFx(() -> tab(ui).titleField().isFocused()))
          .as("stays in the title to fix it")
          .isTrue();
      assertThat(title(ui, s[0])).isEqualTo("Meeting");

      // Taken titles are refused by the engine, later: the typed title still stays.
      runFx(() -> tab(ui).titleField().setText("Taken"));
      assertThat(onFx(() -> tab(ui).titleError())).as("editing clears the message").isEmpty();
      robot.type(KeyCode.ENTER);
      waitFor("engine's reason shown", () -> tab(ui).titleError().startsWith("Not renamed"));
      assertThat(onFx(() -> tab(ui).titleField().getText())).isEqualTo("Taken");
      assertThat(title(ui, s[0])).isEqualTo("Meeting");

      runFx(() -> tab(ui).editTitle());
      robot.write("Decision ship");
      robot.type(KeyCode.ENTER);
      waitFor("renamed once valid", () -> title(ui, s[0]).equals("Decision ship"));
      assertThat(onFx(() -> tab(ui).titleError())).isEmpty();
    }
  }

  @Test
  void listsContinueOnEnterAndEndOnAnEmptyItem() throws Exception {
    Soul[] s = new Soul[1];
    try (UiHarness ui = UiHarness.start(dir, ws -> s[0] = ws.createNote("Lists", ""))) {
      CodeArea area = focus(ui, s[0]);
      robot.write("- one");
      robot.type(KeyCode.ENTER);
      robot.write("two");
      robot.type(KeyCode.ENTER);
      robot.type(KeyCode.ENTER);
      robot.write("1. first");
      robot.type(KeyCode.ENTER);
      robot.write("second");
      robot.type(KeyCode.ENTER);
      robot.type(KeyCode.ENTER);
      robot.write("- [ ] task");
      robot.type(KeyCode.ENTER);
      robot.write("next");
      robot.type(KeyCode.ENTER);
      robot.type(KeyCode.ENTER);
      robot.write("> quote");
      robot.type(KeyCode.ENTER);
      robot.write("more");
      String expected =
          "- one\n- two\n1. first\n2. second\n- [ ] task\n- [ ] next\n> quote\n> more";
      waitFor("typed", () -> area.getText().equals(expected));
      waitFor("stored", () -> body(ui, s[0]).equals(expected));
    }
  }

  @Test
  void bracketsPairStepOverAndDeleteAsAPair() throws Exception {
    Soul[] s = new Soul[2];
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws -> {
              s[0] = ws.createNote("Pairs", "");
              s[1] = ws.createNote("Target note", "here");
            })) {
      CodeArea area = focus(ui, s[0]);
      robot.write("f(x) and \"q\" ");
      waitFor("pairs typed over", () -> area.getText().equals("f(x) and \"q\" "));
      robot.write("[[Tar");
      waitFor("[[ completion", () -> tab(ui).editor().isCompletionShowing());
      assertThat(area.getText()).isEqualTo("f(x) and \"q\" [[Tar]]");
      robot.type(KeyCode.ENTER);
      waitFor("link completed once", () -> area.getText().equals("f(x) and \"q\" [[Target note]]"));
      robot.write(" {");
      waitFor("pair", () -> area.getText().endsWith(" {}"));
      robot.type(KeyCode.BACK_SPACE);
      waitFor("pair deleted", () -> area.getText().equals("f(x) and \"q\" [[Target note]] "));
      waitFor("stored", () -> body(ui, s[0]).equals("f(x) and \"q\" [[Target note]] "));
      // A selection is wrapped: twice * makes it bold, and it stays selected.
      robot.write("bold word");
      runFx(() -> area.selectRange(area.getLength() - 9, area.getLength() - 5));
      robot.write("**");
      String bold = "f(x) and \"q\" [[Target note]] **bold** word";
      waitFor(
          "wrapped", () -> area.getText().equals(bold) && area.getSelectedText().equals("bold"));
      waitFor("stored wrap", () -> body(ui, s[0]).equals(bold));
    }
  }

  @Test
  void findCountsMatchesAndReplaceAllIsOneUndo() throws Exception {
    Soul[] s = new Soul[1];
    String text = "cat dog\nCat bird\ncat cat";
    try (UiHarness ui = UiHarness.start(dir, ws -> s[0] = ws.createNote("Animals", text))) {
      CodeArea area = focus(ui, s[0]);
      FindReplaceBar bar = onFx(() -> tab(ui).editor().assist().find());
      robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
      waitFor(
          "find bar open with the caret in it", () -> bar.isOpen() && bar.queryField().isFocused());
      robot.write("cat");
      waitFor("count", () -> bar.countText().equals("1 of 4"));
      robot.type(KeyCode.ENTER);
      waitFor(
          "next", () -> bar.countText().equals("2 of 4") && area.getSelection().getStart() == 8);
      robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
      waitFor("previous", () -> bar.countText().equals("1 of 4"));
      runFx(() -> bar.matchCaseToggle().setSelected(true));
      waitFor("case", () -> bar.countText().endsWith("3"));
      runFx(() -> bar.matchCaseToggle().setSelected(false));

      robot.press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL);
      waitFor("replace row", () -> bar.replacementField().isVisible());
      runFx(() -> bar.replacementField().setText("horse"));
      runFx(bar::replaceAll);
      waitFor("all replaced", () -> area.getText().equals("horse dog\nhorse bird\nhorse horse"));
      waitFor("stored", () -> body(ui, s[0]).equals("horse dog\nhorse bird\nhorse horse"));
      assertThat(onFx(bar::countText)).isEqualTo("No results");
      runFx(area::undo);
      waitFor("one undo brings all back", () -> area.getText().equals(text));
      waitFor("stored undo", () -> body(ui, s[0]).equals(text));

      runFx(() -> bar.queryField().requestFocus());
      robot.type(KeyCode.ESCAPE);
      waitFor("closed, back in the text", () -> !bar.isOpen() && area.isFocused());
    }
  }

  @Test
  void tagsCompleteFromTheWorkspace() throws Exception {
    Soul[] s = new Soul[1];
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws -> {
              ws.createNote("A", "#projects/garden and #project");
              ws.createNote("B", "#projects/garden");
              s[0] = ws.createNote("Tagging", "");
            })) {
      CodeArea area = focus(ui, s[0]);
      robot.write("see #proj");
      var tags = onFx(() -> tab(ui).editor().assist().tags());
      waitFor("tag list", () -> tags.isShowing() && tags.suggestions().size() == 3);
      // Most used first; "projects" is there as the parent of "projects/garden".
      assertThat(onFx(() -> tags.suggestions().stream().map(t -> t.name()).toList()))
          .containsExactly("projects", "projects/garden", "project");
      robot.type(KeyCode.DOWN);
      robot.type(KeyCode.ENTER);
      robot.write("x");
      waitFor("completed", () -> area.getText().equals("see #projects/garden x"));
      waitFor("stored", () -> body(ui, s[0]).equals("see #projects/garden x"));
    }
  }

  @Test
  void linkCompletionCreatesTheNoteAndUnresolvedLinksLookDifferent() throws Exception {
    Soul[] s = new Soul[1];
    try (UiHarness ui =
        UiHarness.start(
            dir, ws -> s[0] = ws.createNote("Home", "see [[Missing]] and [[Home]]\n"))) {
      CodeArea area = focus(ui, s[0]);
      waitFor(
          "the missing link is styled apart",
          () -> area.getStyleOfChar(8).contains("md-wikilink-unresolved"));
      assertThat(onFx(() -> area.getStyleOfChar(23)))
          .contains("md-wikilink")
          .doesNotContain("md-wikilink-unresolved");
      ui.workspace().createNote("Missing", "now here");
      waitFor(
          "resolved once the note exists",
          () -> !area.getStyleOfChar(8).contains("md-wikilink-unresolved"));

      runFx(() -> area.moveTo(area.getLength()));
      robot.write("[[Zebra crossing");
      waitFor(
          "create entry offered",
          () ->
              tab(ui).editor().isCompletionShowing()
                  && tab(ui).editor().completion().suggestions().stream()
                      .anyMatch(x -> "Zebra crossing".equals(x.create())));
      runFx(
          () -> {
            var list = tab(ui).editor().completion().suggestions();
            for (int i = 0; i < list.size(); i++) {
              if (list.get(i).create() != null) {
                tab(ui).editor().completion().select(i);
              }
            }
          });
      robot.type(KeyCode.ENTER);
      String expected = "see [[Missing]] and [[Home]]\n[[Zebra crossing]]";
      waitFor("link inserted", () -> area.getText().equals(expected));
      waitFor("note created", () -> exists(ui, "Zebra crossing"));
      waitFor("stored", () -> body(ui, s[0]).equals(expected));
      waitFor(
          "the new link resolves",
          () ->
              !tab(ui).editor().isUnresolvedLink("Zebra crossing")
                  && !area.getStyleOfChar(expected.length() - 5)
                      .contains("md-wikilink-unresolved"));
    }
  }

  private CodeArea focus(UiHarness ui, Soul soul) throws Exception {
    CodeArea area = EditorSyncIT.open(ui, soul);
    runFx(area::requestFocus);
    waitFor("focused", area::isFocused);
    return area;
  }

  private static NoteTab tab(UiHarness ui) {
    return ui.window().editors().activeNoteTab().orElseThrow();
  }

  private static boolean exists(UiHarness ui, String name) {
    try {
      return ui.workspace().resolve(name).isPresent();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String title(UiHarness ui, Soul soul) {
    try {
      return ui.workspace().findNote(soul).orElseThrow().title();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
