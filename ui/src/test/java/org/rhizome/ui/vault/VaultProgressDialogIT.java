package org.rhizome.ui.vault;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.control.Button;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** File → Import / Export's progress dialog, headless, on real files and a real workspace. */
@Timeout(120)
class VaultProgressDialogIT extends FxRobot {
  @TempDir Path tmp;
  Workspace ws;

  @BeforeEach
  void setUp() throws Exception {
    ws = Workspace.open(tmp.resolve("ws.db"), DeviceKey.generate(new SecureRandom()));
    FxToolkit.registerPrimaryStage();
    FxToolkit.setupFixture(
        () -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
  }

  @AfterEach
  void tearDown() throws Exception {
    FxToolkit.cleanupStages();
    ws.close();
  }

  private VaultProgressDialog open(VaultTask.Kind kind, Path folder) throws Exception {
    AtomicReference<VaultProgressDialog> dialog = new AtomicReference<>();
    FxToolkit.setupFixture(() -> dialog.set(VaultExtension.open(kind, ws, folder, null)));
    return dialog.get();
  }

  private static void awaitDone(VaultProgressDialog dialog) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> dialog.doneProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void importShowsTheSummaryAndTheProblemsThenExportWritesTheFiles() throws Exception {
    Path vault = Files.createDirectories(tmp.resolve("vault/Sub"));
    for (int i = 0; i < 20; i++) {
      Files.writeString(
          vault.resolve("Note " + i + ".md"), "note " + i + " [[Note " + (i + 1) + "]]\n");
    }
    Files.write(vault.resolve("latin1.md"), new byte[] {(byte) 0xE9});
    VaultProgressDialog dialog = open(VaultTask.Kind.IMPORT, tmp.resolve("vault"));
    awaitDone(dialog);
    assertThat(dialog.statusText())
        .startsWith("Imported 20 notes (20 new, 0 updated)")
        .contains("2 things to look at");
    assertThat(dialog.problemsText())
        .contains("Sub/latin1.md: kept as a file, not a note: it is not UTF-8 text")
        .contains("[[Note 20]]: names no note (1 link in 1 note)");
    assertThat(ws.noteCount()).isEqualTo(20);
    Button close = lookup("#vault-dialog-button").queryButton();
    assertThat(close.getText()).isEqualTo("Close");
    clickOn(close);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(dialog.stage().isShowing()).isFalse();

    VaultProgressDialog export = open(VaultTask.Kind.EXPORT, tmp.resolve("out"));
    awaitDone(export);
    assertThat(export.statusText()).startsWith("Exported 20 notes and 1 attachments");
    assertThat(Files.readString(tmp.resolve("out/Sub/Note 3.md"))).isEqualTo("note 3 [[Note 4]]\n");
  }

  @Test
  void cancelUndoesTheImport() throws Exception {
    Soul mine = ws.createNote("Mine", "kept\n");
    Path vault = Files.createDirectories(tmp.resolve("big"));
    for (int i = 0; i < 3200; i++) {
      Files.writeString(vault.resolve("n" + i + ".md"), "note " + i + "\n");
    }
    AtomicReference<VaultProgressDialog> holder = new AtomicReference<>();
    FxToolkit.setupFixture(
        () -> {
          VaultProgressDialog dialog =
              new VaultProgressDialog(new VaultTask(VaultTask.Kind.IMPORT, ws, vault), null);
          holder.set(dialog);
          // Press Cancel as soon as the bar shows the first batch (of four): the import is then
          // mid-way,
          // whatever the machine's speed, and must be undone.
          Button cancel = (Button) dialog.stage().getScene().lookup("#vault-dialog-button");
          dialog
              .progressProperty()
              .addListener(
                  (o, old, now) -> {
                    if (now.doubleValue() > 0 && now.doubleValue() < 1 && !cancel.isDisabled()) {
                      cancel.fire();
                    }
                  });
          dialog.start();
        });
    VaultProgressDialog dialog = holder.get();
    awaitDone(dialog);
    assertThat(dialog.statusText()).contains("cancelled");
    assertThat(ws.listNotes(10_000)).extracting(n -> n.soul()).containsExactly(mine);
  }
}
