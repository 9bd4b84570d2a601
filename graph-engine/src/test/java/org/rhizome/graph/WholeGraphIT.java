package org.rhizome.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.NoteDraft;
import org.rhizome.graph.query.GraphView;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.graph.query.OutgoingLink;

class WholeGraphIT {
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
  void holdsEveryLiveNoteAndEachResolvedLinkOnce() throws Exception {
    Soul a = ws.createNote("A", "[[B]] and again [[b]] and [[Nowhere]] and myself [[A]]");
    Soul b = ws.createNote("B", "---\naliases: [Bee]\n---\nback to [[A]]");
    Soul c = ws.createNote("C", "through an alias [[Bee]]");
    Soul gone = ws.createNote("Gone", "[[A]]");
    ws.createNote("Lonely", "no links");
    ws.deleteNote(gone);

    GraphView g = ws.wholeGraph(1000);

    assertThat(g.truncated()).isFalse();
    assertThat(g.nodes())
        .extracting(NoteRef::title)
        .containsExactlyInAnyOrder("A", "B", "C", "Lonely");
    assertThat(g.edges())
        .containsExactlyInAnyOrder(
            new GraphView.Edge(a, b), new GraphView.Edge(b, a), new GraphView.Edge(c, b));
  }

  @Test
  void titleBeatsAliasAsLinksResolveElsewhere() throws Exception {
    Soul aliased = ws.createNote("First", "---\naliases: [Shared]\n---\n");
    Soul titled = ws.createNote("Shared", "");
    Soul source = ws.createNote("Source", "[[Shared]]");

    assertThat(ws.outgoingLinks(source))
        .extracting(OutgoingLink::resolved)
        .allSatisfy(r -> assertThat(r.soul()).isEqualTo(titled));
    assertThat(ws.wholeGraph(10).edges()).containsExactly(new GraphView.Edge(source, titled));
    assertThat(aliased).isNotEqualTo(titled);
  }

  @Test
  void agreesWithTheNeighbourhoodQueryOnARandomWorkspace() throws Exception {
    Random random = new Random(7);
    List<String[]> batch = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      StringBuilder body = new StringBuilder();
      for (int k = 0; k < 4; k++) {
        body.append("[[N").append(random.nextInt(70)).append("]] ");
      }
      batch.add(new String[] {"N" + i, body.toString()});
    }
    List<Soul> souls = ws.createNotesAsync(batch).get();

    GraphView whole = ws.wholeGraph(1000);
    for (Soul s : souls.subList(0, 10)) {
      GraphView local = ws.neighbourhood(s, 1, 1000);
      List<GraphView.Edge> touching =
          whole.edges().stream().filter(e -> e.from().equals(s) || e.to().equals(s)).toList();
      assertThat(
              local.edges().stream().filter(e -> e.from().equals(s) || e.to().equals(s)).toList())
          .containsExactlyInAnyOrderElementsOf(touching);
    }
  }

  @Test
  void resolvesLinksByFolderAsOutgoingLinksDo() throws Exception {
    Random random = new Random(11);
    String[] folders = {"", "a", "b", "a/deep"};
    List<NoteDraft> drafts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String folder = folders[i % folders.length];
      StringBuilder body = new StringBuilder();
      for (int k = 0; k < 3; k++) {
        // Titles repeat across folders, and some links name a folder: resolution depends on where
        // they are written.
        String target = "T" + random.nextInt(12);
        body.append(
            switch (random.nextInt(4)) {
              case 0 -> "[[" + target + "]] ";
              case 1 -> "[[a/" + target + "]] ";
              case 2 -> "[[../" + target + "]] ";
              default -> "[[deep/" + target + "]] ";
            });
      }
      drafts.add(new NoteDraft(folder, "T" + (i / folders.length), body.toString()));
    }
    List<Soul> souls = ws.createDraftsAsync(drafts).get();

    List<GraphView.Edge> expected = new ArrayList<>();
    for (Soul s : souls) {
      ws.outgoingLinks(s).stream()
          .filter(l -> l.resolved() != null && !l.resolved().soul().equals(s))
          .map(l -> new GraphView.Edge(s, l.resolved().soul()))
          .distinct()
          .forEach(expected::add);
    }
    assertThat(expected).isNotEmpty();
    assertThat(ws.wholeGraph(1000).edges()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void keepsTheBestConnectedNotesWhenCapped() throws Exception {
    Soul hub = ws.createNote("Hub", "");
    Soul spoke1 = ws.createNote("One", "[[Hub]]");
    Soul spoke2 = ws.createNote("Two", "[[Hub]] [[One]]");
    ws.createNote("Alone", "");

    GraphView g = ws.wholeGraph(3);

    assertThat(g.truncated()).isTrue();
    assertThat(g.nodes()).extracting(NoteRef::soul).containsExactlyInAnyOrder(hub, spoke1, spoke2);
    assertThat(g.edges()).hasSize(3);
    assertThat(ws.wholeGraph(0).nodes()).isEmpty();
    assertThatThrownBy(() -> ws.wholeGraph(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
