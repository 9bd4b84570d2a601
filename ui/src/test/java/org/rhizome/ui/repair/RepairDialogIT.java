package org.rhizome.ui.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rhizome.ui.shell.UiHarness.onFx;
import static org.rhizome.ui.shell.UiHarness.runFx;
import static org.rhizome.ui.shell.UiHarness.waitFor;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.CorruptDatabaseException;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.repair.WorkspaceCheck;
import org.rhizome.graph.store.DamageMarker;
import org.rhizome.ui.shell.UiHarness;
import org.testfx.api.FxToolkit;

/**
 * Issue 18: a workspace that will not open is offered check and repair in a window (headless,
 * Monocle), on real SQLite files damaged as a bad sector would: a page's bytes overwritten on disk.
 */
class RepairDialogIT {
  @TempDir Path dir;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  /** A dialog a failed test left open must not be found by the next one. */
  @AfterEach
  void closeLeftDialogs() throws Exception {
    runFx(
        () ->
            List.copyOf(Window.getWindows()).stream()
                .filter(
                    w ->
                        w.getScene() != null
                            && RepairDialog.ROOT_ID.equals(w.getScene().getRoot().getId()))
                .forEach(Window::hide));
  }

  @Test
  void aFileThatWillNotOpenIsCheckedRepairedAndOpened() throws Exception {
    // A shared (members-only) workspace: its id and mode are in the log's genesis, so a repair can
    // rebuild it without the meta table that open needs.
    Path file = Files.createDirectories(dir.resolve("workspaces")).resolve("personal.db");
    DeviceKey key = DeviceKey.generate(new SecureRandom());
    try (Workspace ws = Workspace.create(file, key, "personal", "me")) {
      for (int i = 0; i < 12; i++) {
        ws.createNote("Note " + i, "the body of note " + i + " [[Note " + (i + 1) + "]]");
      }
    }
    overwritePageOf(file, "meta"); // read at open: the file will not open
    assertThatThrownBy(() -> Workspace.open(file, key).close())
        .isInstanceOf(CorruptDatabaseException.class);

    CompletableFuture<Workspace> opened = recoverInBackground(file, key);
    Parent dialog = waitForDialog();
    assertThat(text(dialog, "title")).isEqualTo("The workspace “personal” cannot be opened");
    assertThat(label(dialog, "#repair-problem")).contains(file.toString());
    assertThat(onFx(() -> button(dialog, "#repair-open").isVisible()))
        .as("no Open before a repair: the file does not open")
        .isFalse();

    runFx(() -> button(dialog, "#repair-check").fire());
    waitFor("the check's report", () -> labelFx(dialog, "#repair-status").startsWith("Checked"));
    assertThat(label(dialog, "#repair-status")).isEqualTo("Checked: the file is damaged.");
    assertThat(details(dialog)).startsWith(file + " is damaged:").contains("Repair rebuilds it");

    runFx(() -> button(dialog, "#repair-repair").fire());
    waitFor(
        "the repair's report",
        () ->
            !labelFx(dialog, "#repair-status").startsWith("Repairing")
                && !labelFx(dialog, "#repair-status").startsWith("Checked"));
    assertThat(label(dialog, "#repair-status")).isEqualTo("Repaired.");
    assertThat(details(dialog))
        .startsWith("Repaired " + file)
        .contains("12 notes")
        .contains("The damaged file is kept as");
    assertThat(onFx(() -> button(dialog, "#repair-open").getText()))
        .isEqualTo("Open the repaired workspace");

    runFx(() -> button(dialog, "#repair-open").fire());
    try (Workspace ws = opened.get(UiHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      assertThat(ws.noteCount()).isEqualTo(12);
      assertThat(ws.resolve("Note 7").map(n -> n.soul()).flatMap(s -> find(ws, s)))
          .hasValue("the body of note 7 [[Note 8]]");
    }
    waitFor("the dialog closed", () -> !dialogShown());
    assertThat(DamageMarker.read(file)).isEmpty();
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("personal.db.damaged-"));
    }
  }

  @Test
  void aFileMarkedDamagedCanBeOpenedAnywayOrQuitWithTheCliWording() throws Exception {
    Path file = dir.resolve("workspaces/team.db");
    DeviceKey key = DeviceKey.generate(new SecureRandom());
    try (Workspace ws = Workspace.open(file, key)) {
      ws.createNote("Plan", "the plan");
    }
    flipStoredBody(file, "Plan");
    assertThat(WorkspaceCheck.run(file, Files.createDirectories(dir.resolve("scratch"))).ok())
        .isFalse();
    assertThat(DamageMarker.read(file)).isPresent();

    CompletableFuture<Workspace> quit = recoverInBackground(file, key);
    Parent dialog = waitForDialog();
    assertThat(text(dialog, "title")).isEqualTo("The workspace “team” was found damaged");
    assertThat(onFx(() -> button(dialog, "#repair-open").isVisible())).isTrue();
    assertThat(onFx(() -> button(dialog, "#repair-open").getText())).isEqualTo("Open anyway");
    runFx(() -> button(dialog, "#repair-quit").fire());
    assertThatThrownBy(() -> quit.get(UiHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(CorruptDatabaseException.class)
        .hasMessageContaining("rhizome check")
        .hasMessageContaining("rhizome repair");
    waitFor("the dialog closed", () -> !dialogShown());

    CompletableFuture<Workspace> anyway = recoverInBackground(file, key);
    Parent again = waitForDialog();
    runFx(() -> button(again, "#repair-open").fire());
    try (Workspace ws = anyway.get(UiHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      assertThat(ws.noteCount()).isEqualTo(1);
      assertThat(DamageMarker.read(file)).as("still marked: writes stay refused").isPresent();
    }
  }

  private static Optional<String> find(Workspace ws, org.rhizome.graph.model.Soul soul) {
    try {
      return ws.findNote(soul).map(n -> n.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static CompletableFuture<Workspace> recoverInBackground(Path file, DeviceKey key) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return WorkspaceRecovery.openOrRecover(file, () -> Workspace.open(file, key));
          } catch (Exception e) {
            throw new CompletionException(e);
          }
        });
  }

  /**
   * Overwrites the header of the first b-tree page of {@code table} on disk, as a bad sector would.
   */
  private static void overwritePageOf(Path file, String table) throws Exception {
    long page;
    long size;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement ps =
            c.prepareStatement("SELECT rootpage FROM sqlite_master WHERE name = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        page = rs.getLong(1);
      }
      try (ResultSet rs = c.createStatement().executeQuery("PRAGMA page_size")) {
        rs.next();
        size = rs.getLong(1);
      }
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek((page - 1) * size + (page == 1 ? 100 : 0));
      byte[] junk = new byte[24];
      java.util.Arrays.fill(junk, (byte) 0xEE);
      f.write(junk);
    }
  }

  /** Flips a bit of a note's stored body (the materialised state; the log keeps the truth). */
  private static void flipStoredBody(Path file, String title) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement read =
            c.prepareStatement(
                "SELECT f.soul, f.value FROM field f JOIN note n ON n.soul = f.soul"
                    + " WHERE f.name = 'body' AND n.title = ?")) {
      read.setString(1, title);
      try (ResultSet rs = read.executeQuery()) {
        rs.next();
        byte[] value = rs.getBytes(2);
        value[value.length - 1] ^= 0x02;
        try (PreparedStatement w =
            c.prepareStatement("UPDATE field SET value = ? WHERE soul = ? AND name = 'body'")) {
          w.setBytes(1, value);
          w.setString(2, rs.getString(1));
          w.executeUpdate();
        }
      }
    }
  }

  private static Optional<Parent> findDialog() throws Exception {
    return onFx(
        () ->
            Window.getWindows().stream()
                .filter(
                    w ->
                        w instanceof Stage
                            && w.isShowing()
                            && w.getScene() != null
                            && RepairDialog.ROOT_ID.equals(w.getScene().getRoot().getId()))
                .map(w -> w.getScene().getRoot())
                .findFirst());
  }

  private static Parent waitForDialog() throws Exception {
    waitFor("the repair dialog", RepairDialogIT::dialogShown);
    return findDialog().orElseThrow();
  }

  /** Called on the FX thread (by waitFor). */
  private static boolean dialogShown() {
    return Window.getWindows().stream()
        .anyMatch(
            w ->
                w instanceof Stage
                    && w.isShowing()
                    && w.getScene() != null
                    && RepairDialog.ROOT_ID.equals(w.getScene().getRoot().getId()));
  }

  private static String text(Parent dialog, String what) throws Exception {
    return onFx(
        () -> ((Stage) dialog.getScene().getWindow()).getTitle().replaceFirst("^Rhizome — ", ""));
  }

  /** A label's text; on the FX thread (as in a waitFor condition). */
  private static String labelFx(Parent dialog, String id) {
    return ((Label) dialog.lookup(id)).getText();
  }

  private static String label(Parent dialog, String id) throws Exception {
    return onFx(() -> labelFx(dialog, id));
  }

  private static String details(Parent dialog) throws Exception {
    return onFx(() -> ((TextArea) dialog.lookup("#repair-details")).getText());
  }

  private static Button button(Parent dialog, String id) {
    return (Button) dialog.lookup(id);
  }
}
