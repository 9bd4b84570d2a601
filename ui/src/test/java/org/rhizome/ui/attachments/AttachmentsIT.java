package org.rhizome.ui.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rhizome.ui.shell.UiHarness.onFx;
import static org.rhizome.ui.shell.UiHarness.runFx;
import static org.rhizome.ui.shell.UiHarness.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.Tab;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.Attachment;
import org.rhizome.graph.vault.AttachmentFolderSetting;
import org.rhizome.ui.editor.NoteTab;
import org.rhizome.ui.shell.UiHarness;
import org.testfx.api.FxRobot;

/**
 * Following links to attachments, and pasting and dropping files into the editor, in the real
 * window, headless.
 */
class AttachmentsIT {
  /** A 2×1 PNG: one red and one blue pixel. */
  static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4zwAE/wEHAAH/4iOeWQAAAABJRU5ErkJggg==");

  @TempDir Path dir;
  final FxRobot robot = new FxRobot();

  private static NoteTab open(UiHarness ui, Soul soul) throws Exception {
    runFx(() -> ui.window().openNote(soul));
    waitFor(
        "note open",
        () -> ui.window().editors().noteTab(soul).map(NoteTab::isLoaded).orElse(false));
    return onFx(() -> ui.window().editors().noteTab(soul).orElseThrow());
  }

  private static String body(UiHarness ui, Soul soul) {
    try {
      return ui.workspace().findNote(soul).orElseThrow().body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void followingAnImageLinkShowsThePictureAndAMissingFileCreatesNoNote() throws Exception {
    Soul[] home = new Soul[1];
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws -> {
              ws.putAttachment(
                  "Attachments",
                  "Engelbart.jpg",
                  PNG); // a PNG under a .jpg name decodes all the same
              home[0] = ws.createNote("Home", "![[Engelbart.jpg|100]] and ![[missing.png]]\n");
            })) {
      NoteTab tab = open(ui, home[0]);
      long notesBefore = ui.workspace().noteCount();
      runFx(() -> tab.editor().area().moveTo(5));
      runFx(() -> ui.session().context().commands().run("editor.followLink"));
      waitFor(
          "image tab",
          () -> {
            Tab t = ui.window().editors().tabPane().getSelectionModel().getSelectedItem();
            return t != null && t.getText().equals("Engelbart.jpg");
          });
      waitFor(
          "picture decoded",
          () -> {
            var view = ui.session().stage().getScene().lookup(".attachment-image");
            return view != null
                && ((javafx.scene.control.ScrollPane) view).getContent() != null
                && ((javafx.scene.image.ImageView)
                            ((javafx.scene.layout.StackPane)
                                    ((javafx.scene.control.ScrollPane) view).getContent())
                                .getChildren()
                                .get(0))
                        .getImage()
                    != null;
          });
      waitFor(
          "backlink listed",
          () ->
              ui.session().stage().getScene().getRoot().lookupAll(".attachment-backlink").size()
                  == 1);

      runFx(() -> ui.window().openNote(home[0]));
      runFx(() -> tab.editor().area().moveTo(30));
      runFx(() -> ui.session().context().commands().run("editor.followLink"));
      waitFor(
          "missing tab",
          () -> {
            Tab t = ui.window().editors().tabPane().getSelectionModel().getSelectedItem();
            return t != null && t.getText().equals("missing.png (missing)");
          });
      assertThat(ui.workspace().noteCount()).isEqualTo(notesBefore);
      assertThat(ui.workspace().resolve("missing.png")).isEmpty();
    }
  }

  @Test
  void pastingAPictureStoresAnAttachmentAndInsertsItsEmbedWhileAnotherWriterIsActive()
      throws Exception {
    Soul[] note = new Soul[1];
    try (UiHarness ui =
        UiHarness.start(
            dir, ws -> note[0] = ws.createNote("Projects", "Journal", "Before  after\n"))) {
      NoteTab tab = open(ui, note[0]);
      // Another process (the CLI, say) writes to the same file the whole time.
      Path file = ui.workspace().file();
      CompletableFuture<Void> other =
          CompletableFuture.runAsync(
              () -> {
                try (Workspace cli =
                    Workspace.open(file, DeviceKey.generate(new java.security.SecureRandom()))) {
                  for (int i = 0; i < 40; i++) {
                    cli.createNote("Other " + i, "written meanwhile");
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      runFx(
          () -> {
            WritableImage image = new WritableImage(3, 2);
            for (int x = 0; x < 3; x++) {
              image.getPixelWriter().setColor(x, 0, Color.RED);
              image.getPixelWriter().setColor(x, 1, Color.rgb(0, 0, 255, 0.5));
            }
            ClipboardContent content = new ClipboardContent();
            content.putImage(image);
            Clipboard.getSystemClipboard().setContent(content);
            tab.editor().area().moveTo(7);
            tab.editor().area().requestFocus();
          });
      robot.press(KeyCode.CONTROL).press(KeyCode.V).release(KeyCode.V).release(KeyCode.CONTROL);
      waitFor(
          "embed inserted at the caret",
          () ->
              tab.editor()
                  .area()
                  .getText()
                  .matches("Before !\\[\\[Pasted image \\d{14}\\.png]] after\n"));
      String text = onFx(() -> tab.editor().area().getText());
      waitFor("edit written to the engine", () -> body(ui, note[0]).equals(text));
      other.get();
      String name = text.substring(text.indexOf("[[") + 2, text.indexOf("]]"));
      Attachment stored =
          ui.workspace().attachment(AttachmentFolderSetting.DEFAULT + "/" + name).orElseThrow();
      assertThat(stored.mime()).isEqualTo("image/png");
      javafx.scene.image.Image back =
          new javafx.scene.image.Image(
              new java.io.ByteArrayInputStream(
                  ui.workspace().attachmentBytes(stored).orElseThrow()));
      assertThat(back.isError()).isFalse();
      assertThat(back.getWidth()).isEqualTo(3);
      assertThat(back.getPixelReader().getColor(1, 0)).isEqualTo(Color.RED);
      assertThat(back.getPixelReader().getArgb(2, 1) >>> 24).isBetween(126, 129);
      assertThat(ui.workspace().outgoingLinks(note[0]).get(0).attachment()).isEqualTo(stored);
      assertThat(ui.workspace().noteCount()).isEqualTo(41);
    }
  }

  @Test
  void droppedFilesGetFreeNamesInTheVaultsAttachmentFolderAndDroppedNotesBecomeLinks()
      throws Exception {
    Soul[] s = new Soul[3];
    Path scan = Files.write(dir.resolve("scan.pdf"), "%PDF-1.4 dropped".getBytes());
    Path photo = Files.write(dir.resolve("photo.png"), PNG);
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws -> {
              ws.setLocalSetting(
                  AttachmentFolderSetting.SETTING, "./assets"); // as Obsidian's app.json can say
              ws.putAttachment("Projects/assets", "photo.png", new byte[] {1});
              ws.putAttachment("Projects/assets", "photo 1.png", new byte[] {2});
              s[0] = ws.createNote("Projects", "Plan", "");
              s[1] = ws.createNote("Archive", "Ideas", "");
              s[2] = ws.createNote("Projects", "Ideas", "");
            })) {
      NoteTab tab = open(ui, s[0]);
      runFx(() -> tab.editor().drops().storeFiles(List.of(scan.toFile(), photo.toFile()), 0));
      waitFor(
          "links inserted",
          () -> tab.editor().area().getText().equals("![[scan.pdf]]\n![[photo 2.png]]"));
      assertThat(ui.workspace().attachment("Projects/assets/photo 2.png").orElseThrow().size())
          .isEqualTo(PNG.length);
      assertThat(ui.workspace().attachmentBytes("Projects/assets/scan.pdf").orElseThrow())
          .isEqualTo(Files.readAllBytes(scan));
      assertThat(ui.workspace().attachmentBytes("Projects/assets/photo.png").orElseThrow())
          .containsExactly(1);

      runFx(() -> tab.editor().area().appendText("\n"));
      int end = onFx(() -> tab.editor().area().getLength());
      runFx(() -> tab.editor().drops().insertNoteLink(s[1], end));
      waitFor(
          "note link that reaches the archived note",
          () -> tab.editor().area().getText().endsWith("\n[[Archive/Ideas]]"));
      runFx(() -> tab.editor().drops().insertNoteLink(s[2], 0));
      waitFor(
          "bare link to the note in the same folder",
          () -> tab.editor().area().getText().startsWith("[[Ideas]]![[scan.pdf]]"));
      String text = onFx(() -> tab.editor().area().getText());
      waitFor("written", () -> body(ui, s[0]).equals(text));
      assertThat(ui.workspace().unresolvedLinks(10)).isEmpty();
    }
  }

  @Test
  void filesPutIntoAPrivateNoteAreRefusedAndNothingIsStoredInTheClear() throws Exception {
    Soul[] s = new Soul[2];
    byte[] marker = "%PDF-1.4 salary table 7c1f".getBytes();
    Path scan = Files.write(dir.resolve("salaries.pdf"), marker);
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws -> {
              s[0] = ws.createPrivateNote("", "Salaries", "Confidential.", List.of());
              s[1] = ws.createNote("", "Plan", "");
            })) {
      NoteTab tab = open(ui, s[0]);
      // another writer is busy in the same workspace meanwhile
      CompletableFuture<Void> other =
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < 20; i++) {
                  ui.workspace().editBodyAsync(s[1], "draft " + i).join();
                }
              });
      runFx(() -> tab.editor().drops().storeFiles(List.of(scan.toFile()), 0));
      waitFor(
          "the refusal shown",
          () ->
              ui.window()
                  .statusBar()
                  .message()
                  .getText()
                  .startsWith("Could not add \"salaries.pdf\": this note is private"));
      assertThat(onFx(() -> ui.window().statusBar().message().getText()))
          .contains("rhizome note attach \"Salaries\" FILE");
      runFx(
          () -> {
            WritableImage image = new WritableImage(2, 1);
            image.getPixelWriter().setColor(0, 0, Color.RED);
            tab.editor().drops().storeImage(image, 0);
          });
      waitFor(
          "the pasted picture refused",
          () ->
              ui.window()
                  .statusBar()
                  .message()
                  .getText()
                  .startsWith("Could not store the pasted image: this note is private"));
      other.join();
      assertThat(ui.workspace().attachments(100)).isEmpty();
      assertThat(body(ui, s[0])).isEqualTo("Confidential.");
      assertThat(onFx(() -> tab.editor().area().getText())).isEqualTo("Confidential.");
      assertThat(body(ui, s[1])).isEqualTo("draft 19");
    }
  }
}
