package org.rhizome.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.query.NoteName;
import org.rhizome.graph.query.NoteRef;

/** The queries behind the quick switcher, link completion and the tag pane. */
class PickerQueriesIT {
  @TempDir Path dir;
  Workspace ws;

  @BeforeEach
  void open() throws Exception {
    ws = Workspace.open(dir.resolve("ws.db"), DeviceKey.generate(new SecureRandom()));
  }

  @AfterEach
  void close() {
    ws.close();
  }

  @Test
  void noteNamesListTitlesThenAliasesOfLiveNotes() throws Exception {
    Soul beta = ws.createNote("Beta", "---\naliases: [Second, B2]\n---\ntext");
    Soul alpha = ws.createNote("alpha", "text");
    Soul gone = ws.createNote("Gone", "---\naliases: [Vanished]\n---\n");
    ws.deleteNote(gone);

    List<NoteName> names = ws.noteNames(100);

    assertThat(names).extracting(NoteName::name).containsExactly("alpha", "Beta", "B2", "Second");
    assertThat(names).extracting(NoteName::isAlias).containsExactly(false, false, true, true);
    assertThat(names.get(0).note().soul()).isEqualTo(alpha);
    assertThat(names.get(3).note().soul()).isEqualTo(beta);
    assertThat(ws.noteNames(1)).hasSize(1);
  }

  @Test
  void notesTaggedMatchesWithoutCaseOrHash() throws Exception {
    ws.createNote("Zed", "#Project and more");
    ws.createNote("Ann", "---\ntags: [project]\n---\n");
    ws.createNote("Other", "#elsewhere");
    Soul dropped = ws.createNote("Dropped", "#project");
    ws.deleteNote(dropped);

    assertThat(ws.notesTagged("#PROJECT", 10))
        .extracting(NoteRef::title)
        .containsExactly("Ann", "Zed");
    assertThat(ws.notesTagged("project", 1)).hasSize(1);
    assertThat(ws.notesTagged("nothing", 10)).isEmpty();
  }
}
