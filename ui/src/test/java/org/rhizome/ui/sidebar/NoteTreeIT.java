package org.rhizome.ui.sidebar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rhizome.ui.shell.UiHarness.onFx;
import static org.rhizome.ui.shell.UiHarness.runFx;
import static org.rhizome.ui.shell.UiHarness.waitFor;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.ui.shell.UiHarness;

class NoteTreeIT {
  @TempDir Path dir;

  @Test
  void notesAreGroupedByFolderFilteredAndSorted() throws Exception {
    try (UiHarness ui =
        UiHarness.start(
            dir,
            ws -> {
              ws.createNote("Projects/2024", "Plan", "p");
              ws.createNote("Projects", "Overview", "o");
              ws.createNote("", "Inbox item", "i");
              ws.createNote("", "Another", "a");
            })) {
      NoteListView list = onFx(() -> ui.window().noteList());
      waitFor(
          "tree built",
          () ->
              list.treeView().getRoot() != null
                  && list.treeView().getRoot().getChildren().size() == 3);
      List<String> top =
          onFx(
              () ->
                  list.treeView().getRoot().getChildren().stream()
                      .map(i -> label(i.getValue()))
                      .toList());
      assertThat(top).containsExactly("Projects", "Another", "Inbox item");
      assertThat(onFx(list::shownNotes))
          .extracting(NoteRef::title)
          .containsExactly("Another", "Inbox item");

      runFx(() -> list.filter().setText("plan"));
      waitFor(
          "filtered and expanded",
          () -> list.shownNotes().stream().map(NoteRef::title).toList().equals(List.of("Plan")));

      runFx(() -> list.filter().setText(""));
      runFx(() -> list.sort().setValue(NoteSort.CREATED));
      waitFor(
          "newest first",
          () ->
              list.shownNotes().stream()
                  .map(NoteRef::title)
                  .toList()
                  .equals(List.of("Another", "Inbox item")));
    }
  }

  @Test
  void newNotesGoToTheDefaultFolder() throws Exception {
    try (UiHarness ui = UiHarness.start(dir, ws -> ws.createNote("Seed", "s"))) {
      runFx(() -> ui.session().context().settings().defaultFolder().set("Inbox"));
      runFx(() -> ui.session().context().commands().run("note.new"));
      waitFor(
          "new note open",
          () -> ui.window().editors().activeNoteTab().map(t -> t.isLoaded()).orElse(false));
      assertThat(onFx(() -> ui.window().editors().activeNoteTab().orElseThrow().folder()))
          .isEqualTo("Inbox");
      assertThat(ui.workspace().resolve("Inbox/Untitled")).isPresent();
    }
  }

  static String label(Object value) {
    return value instanceof NoteTreeBuilder.Folder f ? f.name() : ((NoteRef) value).title();
  }
}
