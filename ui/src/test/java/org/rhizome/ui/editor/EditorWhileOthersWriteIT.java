package org.rhizome.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rhizome.ui.editor.EditorSyncIT.body;
import static org.rhizome.ui.editor.EditorSyncIT.open;
import static org.rhizome.ui.shell.UiHarness.onFx;
import static org.rhizome.ui.shell.UiHarness.runFx;
import static org.rhizome.ui.shell.UiHarness.waitFor;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.VersionedText;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.text.Splice;
import org.rhizome.ui.shell.UiHarness;

/**
 * Issue 13: an open editor while others write — the CLI on the same file, a second replica — shows
 * their edits in place, keeps the caret, stores every keystroke where it was typed, and undoes only
 * its own edits.
 */
class EditorWhileOthersWriteIT {
  @TempDir Path dir;

  /**
   * A second Workspace on the app's file, as the CLI in another process would open it (same device
   * key).
   */
  static Workspace cliOn(UiHarness ui) throws Exception {
    return Workspace.open(ui.workspace().file(), DeviceKey.generate(new SecureRandom()));
  }

  @Test
  void aCliEditShowsWithin200msKeepsTheCaretAndTheNextWordLandsWhereTyped() throws Exception {
    Soul[] s = new Soul[1];
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws ->
                s[0] = ws.createNote("Meeting", "An idea for goals.\nDecision: ship on Friday"))) {
      CodeArea area = open(ui, s[0]);
      runFx(() -> area.moveTo(1, 10)); // "Decision: |ship"
      try (Workspace cli = cliOn(ui)) {
        VersionedText read = cli.openBody(s[0]);
        long t0 = System.nanoTime();
        cli.editBody(s[0], read, "# Meeting\nAn idea for goals.\nDecision: ship on Friday");
        waitFor("the editor shows the CLI's edit", () -> area.getText().startsWith("# Meeting\n"));
        long shownMs = (System.nanoTime() - t0) / 1_000_000;
        // Aim 200 ms; a loaded CI box gets slack, the bench measures it properly.
        assertThat(shownMs).as("ms until shown").isLessThan(2_000);
        assertThat(onFx(() -> area.getText(area.getCaretPosition(), area.getCaretPosition() + 4)))
            .isEqualTo("ship");
        runFx(() -> area.insertText(area.getCaretPosition(), "TYPED "));
        waitFor(
            "stored where typed",
            () ->
                body(ui, s[0])
                    .equals("# Meeting\nAn idea for goals.\nDecision: TYPED ship on Friday"));
        // and the CLI process reads it too
        assertThat(cli.findNote(s[0]).orElseThrow().body())
            .isEqualTo("# Meeting\nAn idea for goals.\nDecision: TYPED ship on Friday");
      }
    }
  }

  @Test
  void aKeystrokeRacingACliEditStillLandsWhereTyped() throws Exception {
    Soul[] s = new Soul[1];
    try (UiHarness ui = UiHarness.start(dir, ws -> s[0] = ws.createNote("Race", "An idea"))) {
      CodeArea area = open(ui, s[0]);
      try (Workspace cli = cliOn(ui)) {
        VersionedText read = cli.openBody(s[0]);
        // typed before the CLI's commit is seen, written after it
        runFx(() -> area.insertText(area.getLength(), " END"));
        cli.editBody(s[0], read, "# Head\nAn idea");
        waitFor("both kept", () -> body(ui, s[0]).equals("# Head\nAn idea END"));
        waitFor("editor agrees", () -> area.getText().equals("# Head\nAn idea END"));
      }
    }
  }

  @Test
  void aSecondReplicaTypingDuringLocalTypingKeepsBothWords() throws Exception {
    Soul[] s = new Soul[1];
    try (UiHarness ui =
        UiHarness.start(dir, ws -> s[0] = ws.createNote("Shared", "left | right"))) {
      CodeArea area = open(ui, s[0]);
      try (Workspace peer =
          Workspace.open(
              dir.resolve("peer.db"),
              ui.workspace().id(),
              DeviceKey.generate(new SecureRandom()),
              System::currentTimeMillis)) {
        sync(ui.workspace(), peer);
        String word = "local";
        for (int i = 0; i < word.length(); i++) {
          String ch = word.substring(i, i + 1);
          runFx(() -> area.insertText(5 + area.getText().substring(5).indexOf('|') - 1, ch));
          // the peer types at the end meanwhile, one key per local key
          String text = peer.findNote(s[0]).orElseThrow().body();
          peer.spliceBody(s[0], List.of(new Splice(text.length(), 0, "RIGHT".substring(i, i + 1))));
          sync(ui.workspace(), peer);
        }
        waitFor(
            "both words in the editor and the engine",
            () ->
                area.getText().equals(body(ui, s[0]))
                    && area.getText().contains("local")
                    && area.getText().endsWith("rightRIGHT"));
        sync(ui.workspace(), peer);
        assertThat(peer.findNote(s[0]).orElseThrow().body()).isEqualTo(body(ui, s[0]));
      }
    }
  }

  @Test
  void undoAfterARemoteEditUndoesOnlyLocalText() throws Exception {
    Soul[] s = new Soul[1];
    try (UiHarness ui = UiHarness.start(dir, ws -> s[0] = ws.createNote("Undo", "base"))) {
      CodeArea area = open(ui, s[0]);
      runFx(() -> area.insertText(area.getLength(), " mine"));
      waitFor("typed", () -> body(ui, s[0]).equals("base mine"));
      try (Workspace cli = cliOn(ui)) {
        cli.editBody(s[0], cli.openBody(s[0]), "theirs base mine");
      }
      waitFor("remote shown", () -> area.getText().equals("theirs base mine"));
      assertThat(onFx(() -> area.getUndoManager().isUndoAvailable()))
          .as("undo survives a remote edit")
          .isTrue();
      runFx(area::undo);
      waitFor("only our words undone", () -> body(ui, s[0]).equals("theirs base"));
      String shown = onFx(() -> area.getText());
      assertThat(shown).isEqualTo("theirs base");
      runFx(area::redo);
      waitFor("redone", () -> body(ui, s[0]).equals("theirs base mine"));
    }
  }

  static void sync(Workspace a, Workspace b) throws Exception {
    List<byte[]> toB =
        a.changesSince(b.versionVector(), 0, 10_000).stream().map(e -> e.bytes()).toList();
    if (!toB.isEmpty()) {
      b.applyRemote(toB);
    }
    List<byte[]> toA =
        b.changesSince(a.versionVector(), 0, 10_000).stream().map(e -> e.bytes()).toList();
    if (!toA.isEmpty()) {
      a.applyRemote(toA);
    }
  }
}
