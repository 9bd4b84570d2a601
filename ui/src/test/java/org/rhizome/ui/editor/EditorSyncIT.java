package org.rhizome.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rhizome.ui.shell.UiHarness.onFx;
import static org.rhizome.ui.shell.UiHarness.runFx;
import static org.rhizome.ui.shell.UiHarness.waitFor;

import java.nio.file.Path;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.shell.UiHarness;

/**
 * The editor and the text CRDT: typing reaches the engine; edits made elsewhere reach the editor.
 */
class EditorSyncIT {
  @TempDir Path dir;

  @Test
  void typingReachesTheEngineAsSplices() throws Exception {
    Soul[] s = new Soul[1];
    try (UiHarness ui = UiHarness.start(dir, ws -> s[0] = ws.createNote("Note", "Hello world"))) {
      CodeArea area = open(ui, s[0]);
      runFx(
          () -> {
            area.moveTo(5);
            area.insertText(5, ",");
            area.insertText(area.getLength(), "! 🌱 and more");
            area.deleteText(0, 1);
            area.insertText(0, "J");
          });
      waitFor("engine has the text", () -> body(ui, s[0]).equals("Jello, world! 🌱 and more"));
      runFx(() -> area.insertText(area.getLength(), " end 🌿x"));
      runFx(() -> area.deleteText(area.getLength() - 3, area.getLength() - 1));
      waitFor(
          "code points after an emoji",
          () -> body(ui, s[0]).equals("Jello, world! 🌱 and more end x"));
    }
  }

  @Test
  void anEditMadeElsewhereAppearsWithoutMovingTheCaret() throws Exception {
    Soul[] s = new Soul[1];
    try (UiHarness ui =
        UiHarness.start(
            dir, ws -> s[0] = ws.createNote("Note", "first line\nsecond line\nthird line"))) {
      CodeArea area = open(ui, s[0]);
      runFx(() -> area.moveTo(1, 7)); // "second |line"
      int caret = onFx(area::getCaretPosition);
      ui.workspace()
          .editBody(s[0], "INSERTED AT THE TOP\nfirst line\nsecond line\nthird line, more");
      waitFor(
          "editor shows the edit",
          () ->
              area.getText()
                  .equals("INSERTED AT THE TOP\nfirst line\nsecond line\nthird line, more"));
      assertThat(onFx(area::getCaretPosition)).isEqualTo(caret + "INSERTED AT THE TOP\n".length());
      assertThat(onFx(() -> area.getText(area.getCaretPosition(), area.getCaretPosition() + 4)))
          .isEqualTo("line");

      runFx(() -> area.insertText(area.getCaretPosition(), "new "));
      waitFor(
          "own edit written after the remote one",
          () ->
              body(ui, s[0])
                  .equals("INSERTED AT THE TOP\nfirst line\nsecond new line\nthird line, more"));
    }
  }

  @Test
  void closingTheWindowRightAfterTypingKeepsEveryKeystroke() throws Exception {
    Soul[] s = new Soul[1];
    try (UiHarness ui = UiHarness.start(dir, ws -> s[0] = ws.createNote("Note", ""))) {
      CodeArea area = open(ui, s[0]);
      for (int i = 0; i < 30; i++) {
        String ch = Character.toString('a' + (i % 26));
        runFx(() -> area.insertText(area.getLength(), ch));
      }
      ui.closeWindow();
      assertThat(body(ui, s[0])).isEqualTo("abcdefghijklmnopqrstuvwxyzabcd");
    }
  }

  @Test
  void undoAndRedoGoThroughTheEngineToo() throws Exception {
    Soul[] s = new Soul[1];
    try (UiHarness ui = UiHarness.start(dir, ws -> s[0] = ws.createNote("Note", "abc"))) {
      CodeArea area = open(ui, s[0]);
      runFx(() -> area.insertText(3, "def"));
      waitFor("typed", () -> body(ui, s[0]).equals("abcdef"));
      runFx(area::undo);
      waitFor("undone in the engine", () -> body(ui, s[0]).equals("abc"));
      runFx(area::redo);
      waitFor("redone in the engine", () -> body(ui, s[0]).equals("abcdef"));
    }
  }

  @Test
  void linesAreHighlightedAsTheyAreTyped() throws Exception {
    Soul[] s = new Soul[1];
    try (UiHarness ui = UiHarness.start(dir, ws -> s[0] = ws.createNote("Note", "plain\n"))) {
      CodeArea area = open(ui, s[0]);
      runFx(() -> area.insertText(area.getLength(), "# Heading with [[Link]]"));
      assertThat(onFx(() -> area.getStyleOfChar(area.getLength() - 3))).contains("md-heading");
      runFx(() -> area.insertText(area.getLength(), "\nsee [[Other]] and #tag"));
      assertThat(onFx(() -> area.getStyleOfChar(area.getLength() - 12))).contains("md-wikilink");
      assertThat(onFx(() -> area.getStyleOfChar(area.getLength() - 2))).contains("md-tag");
      runFx(() -> area.insertText(0, "```\n"));
      assertThat(onFx(() -> area.getStyleOfChar(area.getLength() - 2))).contains("md-fence");
    }
  }

  static CodeArea open(UiHarness ui, Soul soul) throws Exception {
    runFx(() -> ui.window().openNote(soul));
    waitFor(
        "loaded", () -> ui.window().editors().noteTab(soul).map(t -> t.isLoaded()).orElse(false));
    return onFx(() -> ui.window().editors().noteTab(soul).orElseThrow().editor().area());
  }

  static String body(UiHarness ui, Soul soul) {
    try {
      return ui.workspace().findNote(soul).orElseThrow().body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
