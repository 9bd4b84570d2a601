package org.rhizome.ui.sidebar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rhizome.ui.shell.UiHarness.TIMEOUT_SECONDS;
import static org.rhizome.ui.shell.UiHarness.onFx;
import static org.rhizome.ui.shell.UiHarness.waitFor;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.ui.shell.UiHarness;

/**
 * A start with many notes: the note list shows its first page (the first notes by title, with how
 * many there are in all) before the rest are listed, then all of them, while another writer (a
 * second workspace on the same file) keeps adding notes; in the end it lists every note, the other
 * writer's included.
 */
class NoteListLargeWorkspaceIT {
  static final int NOTES = 4 * NoteListView.FIRST_PAGE;

  @TempDir Path dir;

  @Test
  void theFirstPageShowsBeforeAllNotesAndTheListCatchesUpWithAnotherWriter() throws Exception {
    try (UiHarness ui =
            UiHarness.start(
                dir,
                ws -> {
                  List<String[]> batch = new ArrayList<>();
                  for (int i = 0; i < NOTES; i++) {
                    batch.add(new String[] {String.format("Note %05d", i), "body " + i});
                  }
                  ws.createNotesAsync(batch).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                });
        Workspace other =
            Workspace.open(ui.workspace().file(), DeviceKey.generate(new SecureRandom()))) {
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger written = new AtomicInteger();
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                try {
                  for (int i = 0; i < 40 && !stop.get(); i++) {
                    other.createNote("", "Written meanwhile " + i, "by another writer");
                    written.incrementAndGet();
                    Thread.sleep(25);
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      NoteListView list = onFx(() -> ui.window().noteList());

      int first = list.firstShown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      // The first page's tree, or — when the whole list arrived before that tree was built (a busy
      // machine) — the whole list: never a part other than the first page.
      assertThat(first)
          .satisfiesAnyOf(
              n -> assertThat(n).isEqualTo(NoteListView.FIRST_PAGE),
              n -> assertThat(n).isGreaterThanOrEqualTo(NOTES));
      int all = list.allShown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertThat(all).isGreaterThanOrEqualTo(NOTES);

      writer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      stop.set(true);
      long inWorkspace = ui.workspace().noteCount();
      assertThat(inWorkspace).isEqualTo(NOTES + written.get()); // no welcome note: it had notes
      waitFor(
          "every note listed, the other writer's too",
          () -> list.shownNotes().size() == inWorkspace);
      List<NoteRef> shown = onFx(list::shownNotes);
      assertThat(shown).extracting(NoteRef::title).contains("Note 00000", "Written meanwhile 0");
    }
  }
}
