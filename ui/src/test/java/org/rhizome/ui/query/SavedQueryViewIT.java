package org.rhizome.ui.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rhizome.ui.shell.UiHarness.onFx;
import static org.rhizome.ui.shell.UiHarness.runFx;
import static org.rhizome.ui.shell.UiHarness.waitFor;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.query.lang.QueryResult;
import org.rhizome.ui.shell.UiHarness;

/**
 * A saved query (a note marked {@code type: query}) opens as a board in a tab wherever a note is
 * opened, and stays live: on a note another process on the same file writes, on a peer's change,
 * and on an edit of the saved query itself — while a third writer keeps creating notes.
 */
class SavedQueryViewIT {
  @TempDir Path dir;

  @Test
  void aSavedQueryOpensAsALiveBoardInATab() throws Exception {
    Soul[] saved = new Soul[1];
    try (UiHarness ui =
            UiHarness.start(
                dir,
                ws -> {
                  ws.createNote("Alpha", "---\nstatus: todo\nowner: Ann\n---\n");
                  ws.createNote("Beta", "---\nstatus: doing\n---\n");
                  saved[0] =
                      ws.createNote(
                          "Open work",
                          "---\ntype: query\n---\nWhat is on the board.\n\n"
                              + "```query\nview: board\ntable owner where status group by status\n```\n");
                });
        Workspace other =
            Workspace.open(ui.workspace().file(), DeviceKey.generate(new SecureRandom()));
        Workspace peer =
            Workspace.open(
                dir.resolve("peer.db"),
                ui.workspace().id(),
                DeviceKey.generate(new SecureRandom()),
                System::currentTimeMillis)) {
      // Opened as any note is opened (the sidebar, a link, the switcher): the view, not the text.
      waitFor(
          "the saved query opens as a view",
          () -> {
            ui.session().context().openNote(saved[0]);
            return view(ui) != null;
          });
      SavedQueryView view = onFx(() -> view(ui));
      assertThat(onFx(() -> selectedTab(ui).getText())).isEqualTo("Open work");
      waitFor("the board", () -> lanes(view).equals(List.of("doing: Beta", "todo: Alpha")));
      assertThat(onFx(() -> view.queryView().modeChoice().getValue()))
          .isEqualTo(QueryView.Mode.BOARD);
      assertThat(onFx(() -> view.queryView().queryField().isEditable())).isFalse();

      AtomicReference<Throwable> writerFailed = new AtomicReference<>();
      Thread writer =
          new Thread(
              () -> {
                try (Workspace third =
                    Workspace.open(ui.workspace().file(), DeviceKey.generate(new SecureRandom()))) {
                  for (int i = 0; i < 30; i++) {
                    third.createNote("Noise " + i, "no status here");
                  }
                } catch (Throwable e) {
                  writerFailed.set(e);
                }
              });
      writer.start();

      // Another process on the same file adds a note: it joins the board.
      other.createNote("Gamma", "---\nstatus: done\n---\n");
      waitFor(
          "another process's note",
          () -> lanes(view).equals(List.of("doing: Beta", "done: Gamma", "todo: Alpha")));

      // A peer moves Alpha to done; its change arrives by sync.
      sync(ui.workspace(), peer);
      Soul alpha = peer.resolve("Alpha").orElseThrow().soul();
      peer.editBody(alpha, "---\nstatus: done\nowner: Ann\n---\n");
      sync(ui.workspace(), peer);
      waitFor(
          "the peer's change",
          () -> lanes(view).equals(List.of("doing: Beta", "done: Alpha", "done: Gamma")));

      // The saved query itself is edited elsewhere: the view runs the new text in its new view.
      other.editBody(
          saved[0],
          "---\ntype: query\n---\n```query\nview: cards\nlist where status = \"done\"\n```\n");
      waitFor(
          "the edited query",
          () ->
              view.queryView().queryField().getText().equals("list where status = \"done\"")
                  && view.queryView().modeChoice().getValue() == QueryView.Mode.CARDS
                  && view.queryView().shownResult() != null
                  && view.queryView().shownResult().rows().size() == 2);

      // "Edit query" opens the note's text in an editor tab.
      runFx(() -> ((javafx.scene.control.Button) view.lookup(".saved-query-edit")).fire());
      waitFor("the editor", () -> ui.window().editors().noteTab(saved[0]).isPresent());

      // Its text reads as a query block there: the reading view shows the same cards.
      waitFor(
          "the editor loaded",
          () -> ui.window().editors().noteTab(saved[0]).map(t -> t.isLoaded()).orElse(false));
      runFx(() -> ui.session().context().commands().run("editor.toggleReading"));
      waitFor(
          "the reading view's cards",
          () -> {
            Node web = ui.session().stage().getScene().lookup(".reading-view");
            if (!(web instanceof javafx.scene.web.WebView w)) {
              return false;
            }
            Object n =
                w.getEngine()
                    .executeScript("document.querySelectorAll('.rz-query-cards .rz-card').length");
            return n instanceof Number c && c.intValue() == 2;
          });

      writer.join(60_000);
      assertThat(writerFailed.get()).isNull();
    }
  }

  private static SavedQueryView view(UiHarness ui) {
    Node n = ui.session().stage().getScene().lookup(".saved-query-view");
    return n instanceof SavedQueryView v && n.getScene() != null ? v : null;
  }

  private static Tab selectedTab(UiHarness ui) {
    return ui.window().editors().tabPane().getSelectionModel().getSelectedItem();
  }

  /** "column: title" for each card of the board, sorted. */
  private static List<String> lanes(SavedQueryView view) {
    return view.lookupAll(".query-board-column").stream()
        .map(VBox.class::cast)
        .flatMap(
            l ->
                l.getChildren().stream()
                    .filter(n -> n.getStyleClass().contains("query-card"))
                    .map(
                        n ->
                            ((QueryBoard.Lane) l.getUserData()).key()
                                + ": "
                                + ((QueryResult.Row) n.getUserData()).title()))
        .sorted()
        .toList();
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
