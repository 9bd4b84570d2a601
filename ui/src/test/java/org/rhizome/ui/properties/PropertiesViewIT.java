package org.rhizome.ui.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rhizome.ui.shell.UiHarness.onFx;
import static org.rhizome.ui.shell.UiHarness.runFx;
import static org.rhizome.ui.shell.UiHarness.waitFor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.text.Splice;
import org.rhizome.ui.editor.NoteTab;
import org.rhizome.ui.shell.UiHarness;

/**
 * The properties table: typed rows from the front matter, and edits that rewrite only their key's
 * YAML lines.
 */
class PropertiesViewIT {
  static final String NOTE =
      """
      ---
      title: A plan
      # a comment the table must not lose
      tags: [work, plan]
      count: 3
      done: false
      due: 2024-05-01
      related: "[[Other]]"
      ---
      # Body
      text
      """;

  @TempDir Path dir;

  private static String body(UiHarness ui, Soul soul) {
    try {
      return ui.workspace().findNote(soul).orElseThrow().body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Node valueOf(NoteTab tab, String key) {
    javafx.scene.layout.GridPane grid =
        (javafx.scene.layout.GridPane)
            ((javafx.scene.layout.VBox) tab.properties().node()).getChildren().get(0);
    for (int i = 0; i < grid.getChildren().size(); i += 2) {
      if (((javafx.scene.control.Label) grid.getChildren().get(i)).getText().equals(key)) {
        return grid.getChildren().get(i + 1);
      }
    }
    throw new AssertionError("no row " + key);
  }

  @Test
  void rowsAreTypedAndEditsRewriteOnlyTheirLinesWhileAnotherWriterAppends() throws Exception {
    Soul[] s = new Soul[1];
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws -> {
              s[0] = ws.createNote("Plan", NOTE);
              ws.createNote("Other", "x");
            })) {
      runFx(() -> ui.window().openNote(s[0]));
      waitFor(
          "open", () -> ui.window().editors().noteTab(s[0]).map(NoteTab::isLoaded).orElse(false));
      NoteTab tab = onFx(() -> ui.window().editors().noteTab(s[0]).orElseThrow());
      waitFor("rows", () -> tab.properties().rows().size() == 6);
      assertThat(
              onFx(
                  () ->
                      tab.properties().rows().stream().map(r -> r.key() + ":" + r.type()).toList()))
          .containsExactly(
              "title:TEXT",
              "tags:LIST",
              "count:NUMBER",
              "done:CHECKBOX",
              "due:DATE",
              "related:LINK");

      // Another writer (the folder mirror, a peer's sync) appends to the body meanwhile, from
      // another thread.
      java.util.concurrent.CompletableFuture.runAsync(
              () -> {
                try {
                  String now = ui.workspace().findNote(s[0]).orElseThrow().body();
                  ui.workspace()
                      .spliceBody(
                          s[0],
                          List.of(
                              new Splice(
                                  now.codePointCount(0, now.length()), 0, "from elsewhere\n")));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              })
          .get();
      waitFor(
          "remote text in the editor",
          () -> tab.editor().area().getText().endsWith("from elsewhere\n"));

      runFx(
          () -> {
            TextField count = (TextField) valueOf(tab, "count");
            count.setText("7");
            count.fireEvent(new javafx.event.ActionEvent());
          });
      runFx(() -> ((CheckBox) valueOf(tab, "done")).setSelected(true));
      waitFor(
          "checkbox row rebuilt",
          () -> tab.properties().rows().stream().anyMatch(r -> r.value().equals(true)));
      runFx(
          () -> {
            TextField tags = (TextField) valueOf(tab, "tags");
            tags.setText("work, plan, #later");
            tags.fireEvent(new javafx.event.ActionEvent());
          });
      runFx(
          () -> {
            TextField title = (TextField) valueOf(tab, "title");
            title.setText("Plan: the 2nd");
            title.fireEvent(new javafx.event.ActionEvent());
          });
      String expected =
          """
          ---
          title: "Plan: the 2nd"
          # a comment the table must not lose
          tags:
            - work
            - plan
            - "#later"
          count: 7
          done: true
          due: 2024-05-01
          related: "[[Other]]"
          ---
          # Body
          text
          from elsewhere
          """;
      try {
        waitFor("front matter rewritten in the engine", () -> body(ui, s[0]).equals(expected));
      } finally {
        assertThat(body(ui, s[0])).isEqualTo(expected);
      }
      assertThat(ui.workspace().properties(s[0]))
          .containsAllEntriesOf(Map.of("count", 7L, "done", true, "title", "Plan: the 2nd"));
      assertThat(ui.workspace().findNote(s[0]).orElseThrow().tags())
          .containsExactlyInAnyOrder("work", "plan", "later");
      // Undo takes the last property edit back, like typing.
      runFx(() -> tab.editor().area().undo());
      waitFor("undone", () -> body(ui, s[0]).contains("title: A plan\n"));

      // Figures: parse (background) and table build (FX thread), 30 refreshes.
      List<Long> parse = new ArrayList<>();
      List<Long> build = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        long before = onFx(() -> tab.properties().lastTimes()[1]);
        runFx(() -> tab.properties().refresh());
        Thread.sleep(60);
        long[] t = onFx(() -> tab.properties().lastTimes());
        parse.add(t[0]);
        build.add(t[1]);
      }
      Collections.sort(parse);
      Collections.sort(build);
      System.out.printf(
          "properties table (6 rows): parse median %.3f ms, build median %.3f ms (max %.3f / %.3f)%n",
          parse.get(15) / 1e6, build.get(15) / 1e6, parse.get(29) / 1e6, build.get(29) / 1e6);
    }
  }

  @Test
  void invalidYamlIsLeftToTheSourceAndNoFrontMatterShowsNothing() throws Exception {
    Soul[] s = new Soul[2];
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws -> {
              s[0] = ws.createNote("Broken", "---\ntitle: [unclosed\n---\nbody\n");
              s[1] = ws.createNote("Plain", "no front matter");
            })) {
      runFx(() -> ui.window().openNote(s[0]));
      waitFor(
          "open", () -> ui.window().editors().noteTab(s[0]).map(NoteTab::isLoaded).orElse(false));
      NoteTab broken = onFx(() -> ui.window().editors().noteTab(s[0]).orElseThrow());
      waitFor(
          "problem shown",
          () ->
              broken.properties().node().isVisible()
                  && ((javafx.scene.layout.VBox) broken.properties().node()).getChildren().get(0)
                      instanceof javafx.scene.control.Label l
                  && l.getText().contains("not valid YAML"));
      runFx(() -> ui.window().openNote(s[1]));
      waitFor(
          "open", () -> ui.window().editors().noteTab(s[1]).map(NoteTab::isLoaded).orElse(false));
      NoteTab plain = onFx(() -> ui.window().editors().noteTab(s[1]).orElseThrow());
      Thread.sleep(300);
      assertThat(onFx(() -> plain.properties().node().isVisible())).isFalse();
      // Typing front matter into a plain note brings the table.
      runFx(() -> plain.editor().area().insertText(0, "---\nstatus: draft\n---\n"));
      waitFor(
          "row appears",
          () -> plain.properties().rows().size() == 1 && plain.properties().node().isVisible());
    }
  }
}
