package org.rhizome.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rhizome.ui.editor.EditorSyncIT.body;
import static org.rhizome.ui.editor.EditorSyncIT.open;
import static org.rhizome.ui.shell.UiHarness.onFx;
import static org.rhizome.ui.shell.UiHarness.runFx;
import static org.rhizome.ui.shell.UiHarness.waitFor;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.Grant;
import org.rhizome.graph.membership.InviteKey;
import org.rhizome.graph.membership.Role;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.shell.UiHarness;

/**
 * A note this device may not change opens read-only with the reason above it, instead of taking
 * edits that are refused on save; it becomes editable the moment an admin's role change arrives. A
 * protected note carries a badge naming its owner.
 */
class ReadOnlyNoteIT {
  @TempDir Path dir;

  private static List<ApplyResult> send(Workspace from, Workspace to) throws Exception {
    List<byte[]> missing = new ArrayList<>();
    for (StoredChange e : from.changesSince(to.versionVector(), 0, 100_000)) {
      missing.add(e.bytes());
    }
    return missing.isEmpty() ? List.of() : to.applyRemote(missing);
  }

  private static NoteTab tab(UiHarness ui, Soul soul) throws Exception {
    return onFx(() -> ui.window().editors().noteTab(soul).orElseThrow());
  }

  @Test
  void aReaderGetsAReadOnlyNoteUntilAnAdminMakesThemAWriter() throws Exception {
    SecureRandom random = new SecureRandom();
    try (Workspace ada =
        Workspace.create(dir.resolve("ada.db"), DeviceKey.generate(random), "Team", "Ada")) {
      Soul plan = ada.createNote("Plan", "ship on Friday");
      Soul charter = ada.createProtectedNoteAsync("", "Charter", "ours").get();
      InviteKey invite =
          ada.membership().createInviteAsync(Grant.MEMBER, Role.READER, Duration.ofDays(1)).get();
      Workspace bob =
          Workspace.openToJoin(
              dir.resolve("workspaces/team.db"), ada.id(), DeviceKey.generate(random));
      send(ada, bob);
      bob.membership().join(invite, "Bob");
      send(bob, ada);

      try (UiHarness ui = UiHarness.startWith(dir, bob)) {
        CodeArea area = open(ui, plan);
        NoteTab tab = tab(ui, plan);
        waitFor("read-only", () -> tab.isReadOnly());
        assertThat(onFx(tab::readOnlyNotice)).startsWith("Read-only. You are a reader");
        assertThat(onFx(area::isEditable)).isFalse();
        assertThat(onFx(() -> tab.titleField().isEditable())).isFalse();

        // A key typed into it changes nothing, and nothing is refused on save.
        runFx(area::requestFocus);
        new org.testfx.api.FxRobot().write("X");
        runFx(tab.editor()::flush);
        assertThat(body(ui, plan)).isEqualTo("ship on Friday");

        // Ada makes Bob a writer; the change arrives while the note is open.
        ada.membership().setRoleAsync(bob.actor(), Role.WRITER).get();
        assertThat(send(ada, bob)).allMatch(r -> r.status() == ApplyResult.Status.APPLIED);
        waitFor("editable again", () -> !tab.isReadOnly() && area.isEditable());
        assertThat(onFx(tab::readOnlyNotice)).isEmpty();
        runFx(() -> area.insertText(area.getLength(), " or Monday"));
        runFx(tab.editor()::flush);
        waitFor("stored", () -> body(ui, plan).equals("ship on Friday or Monday"));

        // Ada's protected note: a badge with her name, and read-only for Bob the writer.
        CodeArea charterArea = open(ui, charter);
        NoteTab charterTab = tab(ui, charter);
        waitFor("read-only", () -> charterTab.isReadOnly());
        assertThat(onFx(charterTab::readOnlyNotice)).contains("protected: only Ada can change it");
        assertThat(onFx(charterArea::isEditable)).isFalse();
        Label badge = onFx(() -> (Label) charterTab.tab().getContent().lookup("#protectedBadge"));
        assertThat(onFx(badge::getText)).isEqualTo("Protected · Ada");
        // The plain note has no badge.
        assertThat(onFx(() -> tab.tab().getContent().lookup("#protectedBadge"))).isNull();
      }
    }
  }

  @Test
  void aPrivateNoteShowsWhoReadsIt() throws Exception {
    SecureRandom random = new SecureRandom();
    try (Workspace ada =
        Workspace.create(dir.resolve("ada.db"), DeviceKey.generate(random), "Team", "Ada")) {
      Soul plain = ada.createNote("Plain", "everyone reads this");
      Soul secret = ada.createPrivateNote("", "Salaries", "only us", java.util.List.of());
      try (UiHarness ui = UiHarness.startWith(dir, ada)) {
        open(ui, secret);
        NoteTab secretTab = tab(ui, secret);
        waitFor(
            "private badge", () -> secretTab.tab().getContent().lookup("#privateBadge") != null);
        Label badge = onFx(() -> (Label) secretTab.tab().getContent().lookup("#privateBadge"));
        assertThat(onFx(badge::getText)).isEqualTo("Private · only you");
        assertThat(onFx(secretTab::isReadOnly)).isFalse();
        open(ui, plain);
        NoteTab plainTab = tab(ui, plain);
        assertThat(onFx(() -> plainTab.tab().getContent().lookup("#privateBadge"))).isNull();
      }
    }
  }

  @Test
  void inAPersonalWorkspaceTheOwnNotesBadgesSayYoursNotAFingerprint() throws Exception {
    Soul[] s = new Soul[2];
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws -> {
              s[0] = ws.createProtectedNoteAsync("", "Handbook", "Rules.").get();
              s[1] = ws.createPrivateNote("", "Salaries", "only me", java.util.List.of());
            })) {
      open(ui, s[0]);
      NoteTab handbook = tab(ui, s[0]);
      waitFor(
          "protected badge", () -> handbook.tab().getContent().lookup("#protectedBadge") != null);
      Label badge = onFx(() -> (Label) handbook.tab().getContent().lookup("#protectedBadge"));
      assertThat(onFx(badge::getText)).isEqualTo("Protected · yours");
      assertThat(onFx(handbook::isReadOnly)).isFalse();
      open(ui, s[1]);
      NoteTab salaries = tab(ui, s[1]);
      waitFor("private badge", () -> salaries.tab().getContent().lookup("#privateBadge") != null);
      Label secret = onFx(() -> (Label) salaries.tab().getContent().lookup("#privateBadge"));
      assertThat(onFx(secret::getText)).isEqualTo("Private · only you");
    }
  }

  @Test
  void aProtectedNoteSaysWhoItsOwnerLetsEditItAndUntilWhen() throws Exception {
    SecureRandom random = new SecureRandom();
    try (Workspace ada =
        Workspace.create(dir.resolve("ada.db"), DeviceKey.generate(random), "Team", "Ada")) {
      Soul rota = ada.createProtectedNoteAsync("", "Rota", "monday: ada").get();
      InviteKey invite =
          ada.membership().createInviteAsync(Grant.MEMBER, Role.WRITER, Duration.ofDays(1)).get();
      Workspace bob =
          Workspace.openToJoin(
              dir.resolve("workspaces/team.db"), ada.id(), DeviceKey.generate(random));
      send(ada, bob);
      bob.membership().join(invite, "Bob");
      send(bob, ada);
      long until =
          java.time.ZonedDateTime.of(2099, 12, 31, 18, 0, 0, 0, java.time.ZoneId.systemDefault())
              .toInstant()
              .toEpochMilli();

      try (UiHarness ui = UiHarness.startWith(dir, bob)) {
        CodeArea area = open(ui, rota);
        NoteTab tab = tab(ui, rota);
        waitFor("read-only", () -> tab.isReadOnly());
        Label badge = onFx(() -> (Label) tab.tab().getContent().lookup("#protectedBadge"));
        assertThat(onFx(badge::getText)).isEqualTo("Protected · Ada");

        // Ada lets Bob edit until the end of 2099; the grant arrives while the note is open.
        ada.membership().letEditAsync(rota, List.of(bob.actor()), until).get();
        send(ada, bob);
        waitFor("editable", () -> !tab.isReadOnly() && area.isEditable());
        assertThat(onFx(badge::getText)).isEqualTo("Protected · Ada · you until 31 Dec 2099 18:00");
        shoot(ui, "delegated-badge");
        runFx(() -> area.insertText(area.getLength(), ", tuesday: bob"));
        runFx(tab.editor()::flush);
        waitFor("stored", () -> body(ui, rota).equals("monday: ada, tuesday: bob"));
        send(bob, ada);
        assertThat(ada.bodies(List.of(rota))).containsExactly("monday: ada, tuesday: bob");

        // She takes it back: read-only again, and the badge names only her.
        ada.membership().unletEditAsync(rota, List.of(bob.actor())).get();
        send(ada, bob);
        waitFor("read-only again", () -> tab.isReadOnly() && !area.isEditable());
        assertThat(onFx(badge::getText)).isEqualTo("Protected · Ada");
      }
    }
  }

  /** The window as a user sees it, in target/screenshots (for looking at, not asserted). */
  private static void shoot(UiHarness ui, String name) throws Exception {
    javafx.scene.image.WritableImage image =
        onFx(() -> ui.session().stage().getScene().snapshot(null));
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    java.awt.image.BufferedImage out =
        new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      image
          .getPixelReader()
          .getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
      out.setRGB(0, y, w, 1, row, 0, w);
    }
    Path file = Path.of("target/screenshots/" + name + ".png");
    java.nio.file.Files.createDirectories(file.getParent());
    javax.imageio.ImageIO.write(out, "png", file.toFile());
  }
}
