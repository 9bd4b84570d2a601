package org.rhizome.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.api.InvalidTitleException;
import org.rhizome.graph.api.TitleTakenException;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.Note;
import org.rhizome.graph.query.Backlink;
import org.rhizome.graph.query.OutgoingLink;
import org.rhizome.graph.query.SearchHit;
import org.rhizome.graph.query.TagCount;

class NotesIT {
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
  void createdNoteReadsBackWithTagsAndAliases() throws Exception {
    Soul s =
        ws.createNote(
            "Alpha", "---\naliases: [First]\ntags: [greek]\n---\nHello #world and #nested/tag\n");
    Note n = ws.findNote(s).orElseThrow();
    assertThat(n.title()).isEqualTo("Alpha");
    assertThat(n.tags()).containsExactlyInAnyOrder("greek", "world", "nested/tag");
    assertThat(n.aliases()).containsExactly("First");
    assertThat(ws.resolve("first").orElseThrow().soul()).isEqualTo(s);
  }

  @Test
  void backlinksShowTheLinkingLine() throws Exception {
    Soul target = ws.createNote("Target", "I am linked.");
    Soul source = ws.createNote("Source", "intro\nsee [[Target|the target]] here\n");
    ws.createNote("Coder", "```\n[[Target]]\n```\n");
    List<Backlink> back = ws.backlinks(target, 100);
    assertThat(back).hasSize(1);
    assertThat(back.get(0).source().soul()).isEqualTo(source);
    assertThat(back.get(0).line()).isEqualTo(1);
    assertThat(back.get(0).context()).isEqualTo("see [[Target|the target]] here");
  }

  @Test
  void unlinkedMentionsFindThePlainTitle() throws Exception {
    Soul target = ws.createNote("Project Apollo", "");
    Soul other = ws.createNote("Diary", "Worked on project apollo today.\n");
    assertThat(ws.unlinkedMentions(target, 10))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.source().soul()).isEqualTo(other);
              assertThat(m.line()).isZero();
            });
  }

  @Test
  void renameRewritesLinksInOtherNotesAndKeepsBacklinks() throws Exception {
    Soul target = ws.createNote("Old Name", "body");
    Soul source =
        ws.createNote(
            "Source", "a [[Old Name]] b [[old name#Part|alias]] c ![[Old Name]] `[[Old Name]]`");
    ws.renameNote(target, "New Name");
    assertThat(ws.findNote(source).orElseThrow().body())
        .isEqualTo("a [[New Name]] b [[New Name#Part|alias]] c ![[New Name]] `[[Old Name]]`");
    assertThat(ws.backlinks(target, 10)).hasSize(3);
    assertThat(ws.findNote(target).orElseThrow().title()).isEqualTo("New Name");
  }

  @Test
  void deletedNoteLeavesUnresolvedLinks() throws Exception {
    Soul target = ws.createNote("Gone", "");
    Soul source = ws.createNote("Source", "[[Gone]] and [[Never]]");
    ws.deleteNote(target);
    assertThat(ws.findNote(target)).isEmpty();
    List<OutgoingLink> out = ws.outgoingLinks(source);
    assertThat(out).extracting(OutgoingLink::resolved).containsOnlyNulls();
    assertThat(ws.unresolvedLinks(10))
        .extracting(u -> u.target())
        .containsExactlyInAnyOrder("Gone", "Never");
  }

  @Test
  void titlesAreValidatedAndUnique() throws Exception {
    ws.createNote("Same", "");
    assertThatThrownBy(() -> ws.createNote("same", "")).isInstanceOf(TitleTakenException.class);
    assertThatThrownBy(() -> ws.createNote("a|b", "")).isInstanceOf(InvalidTitleException.class);
    assertThatThrownBy(() -> ws.createNote("  ", "")).isInstanceOf(InvalidTitleException.class);
  }

  @Test
  void tagsAreCounted() throws Exception {
    ws.createNote("One", "#a #b");
    ws.createNote("Two", "#A #c/d");
    assertThat(ws.tags())
        .contains(new TagCount("a", 2), new TagCount("b", 1), new TagCount("c/d", 1));
  }

  @Test
  void searchRanksTitlesAndSupportsOperators() throws Exception {
    Soul gardening = ws.createNote("Gardening", "Tomatoes need sun. #hobby/outdoor");
    Soul cooking = ws.createNote("Cooking", "Tomato soup with gardening herbs. #food");
    ws.createNote("Other", "nothing relevant");
    assertThat(ws.search("gardening", 10))
        .extracting(h -> h.note().soul())
        .containsExactly(gardening, cooking);
    assertThat(ws.search("tomat*", 10)).hasSize(2);
    assertThat(ws.search("\"tomato soup\"", 10))
        .extracting(h -> h.note().soul())
        .containsExactly(cooking);
    assertThat(ws.search("tag:hobby", 10))
        .extracting(h -> h.note().soul())
        .containsExactly(gardening);
    assertThat(ws.search("title:gardening", 10))
        .extracting(h -> h.note().soul())
        .containsExactly(gardening);
    assertThat(ws.search("tomat* -soup", 10))
        .extracting(h -> h.note().soul())
        .containsExactly(gardening);
    SearchHit hit = ws.search("soup", 10).get(0);
    assertThat(hit.snippet().marked("[", "]")).contains("[soup]");
    assertThat(ws.search("\"unbalanced AND (", 10)).isEmpty();
  }

  @Test
  void neighbourhoodFollowsLinksBothWays() throws Exception {
    Soul a = ws.createNote("A", "[[B]]");
    Soul b = ws.createNote("B", "[[C]]");
    Soul c = ws.createNote("C", "");
    Soul d = ws.createNote("D", "[[A]]");
    assertThat(ws.neighbourhood(a, 1, 100).nodes())
        .extracting(r -> r.soul())
        .containsExactlyInAnyOrder(a, b, d);
    assertThat(ws.neighbourhood(a, 2, 100).nodes())
        .extracting(r -> r.soul())
        .containsExactlyInAnyOrder(a, b, c, d);
  }

  @Test
  void outlineListsTheHeadingsOfTheCurrentBody() throws Exception {
    Soul s =
        ws.createNote("Outlined", "# Top\ntext\n## Part [[Link]]\n```\n# not a heading\n```\n");
    assertThat(ws.outline(s))
        .extracting(h -> h.level() + " " + h.text())
        .containsExactly("1 Top", "2 Part [[Link]]");
    ws.editBody(s, "no headings now");
    assertThat(ws.outline(s)).isEmpty();
  }
}
