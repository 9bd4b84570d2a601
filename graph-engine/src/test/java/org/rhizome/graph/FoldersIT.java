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
import org.rhizome.graph.query.Backlink;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.graph.query.OutgoingLink;

/**
 * Notes in folders: titles repeat across folders, links resolve as Obsidian resolves them, moves
 * keep links.
 */
class FoldersIT {
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

  private String body(Soul s) throws Exception {
    return ws.findNote(s).orElseThrow().body();
  }

  private Soul resolved(String sourceFolder, String target) throws Exception {
    return ws.resolveLink(sourceFolder, target).map(NoteRef::soul).orElse(null);
  }

  @Test
  void sameTitleMayRepeatInDifferentFoldersButNotInOne() throws Exception {
    Soul a = ws.createNote("A", "Ideas", "");
    Soul b = ws.createNote("B/C", "Ideas", "");
    assertThat(ws.findNote(a).orElseThrow().folder()).isEqualTo("A");
    assertThat(ws.findNote(b).orElseThrow().path()).isEqualTo("B/C/Ideas");
    assertThatThrownBy(() -> ws.createNote("a", "ideas", ""))
        .isInstanceOf(TitleTakenException.class);
    assertThat(ws.listNotes(10)).extracting(NoteRef::folder).containsExactlyInAnyOrder("A", "B/C");
  }

  @Test
  void foldersAreCanonicalAndCheckedAndTitlesCannotHoldSlashes() throws Exception {
    Soul s = ws.createNote("/Projects//2024/", "Plan", "");
    assertThat(ws.findNote(s).orElseThrow().folder()).isEqualTo("Projects/2024");
    assertThatThrownBy(() -> ws.createNote("a/../b", "X", ""))
        .isInstanceOf(InvalidTitleException.class);
    assertThatThrownBy(() -> ws.createNote("a\\b", "X", ""))
        .isInstanceOf(InvalidTitleException.class);
    assertThatThrownBy(() -> ws.createNote("", "a/b", ""))
        .isInstanceOf(InvalidTitleException.class);
  }

  @Test
  void bareLinkPrefersTheLinkingNotesFolderThenTheShortestPath() throws Exception {
    Soul deep = ws.createNote("Z/Deep/Down", "Ideas", "");
    Soul shallow = ws.createNote("Y", "Ideas", "");
    Soul mine = ws.createNote("Z/Deep/Down", "Other", "");
    assertThat(resolved("Z/Deep/Down", "Ideas")).isEqualTo(deep);
    assertThat(resolved("Q", "ideas")).isEqualTo(shallow);
    assertThat(resolved("", "Ideas.md")).isEqualTo(shallow);
    assertThat(mine).isNotNull();
  }

  @Test
  void pathLinksResolveFromTheRootThenRelativeThenBySuffix() throws Exception {
    Soul rootPath = ws.createNote("Projects", "Plan", "");
    Soul nested = ws.createNote("Work/Projects", "Plan", "");
    Soul suffixOnly = ws.createNote("Archive/Old/2019", "Plan", "");
    assertThat(resolved("Work", "Projects/Plan")).isEqualTo(rootPath);
    assertThat(resolved("Work", "./Projects/Plan")).isEqualTo(nested);
    assertThat(resolved("Work/Projects", "../Projects/Plan")).isEqualTo(nested);
    assertThat(resolved("", "Old/2019/Plan")).isEqualTo(suffixOnly);
    assertThat(resolved("", "Nowhere/Plan")).isNull();
    assertThat(resolved("", "../../Plan")).isNull();
  }

  @Test
  void backlinksCountOnlyLinksThatResolveToTheNote() throws Exception {
    Soul a = ws.createNote("A", "Ideas", "");
    Soul b = ws.createNote("B", "Ideas", "");
    ws.createNote("A", "Near A", "[[Ideas]] and [[B/Ideas]]");
    ws.createNote("B", "Near B", "[[Ideas]]");
    ws.createNote("", "At root", "[[Ideas]]"); // shortest path: A/Ideas (A < B)
    assertThat(ws.backlinks(a, 10))
        .extracting(bl -> bl.source().title())
        .containsExactlyInAnyOrder("Near A", "At root");
    assertThat(ws.backlinks(b, 10))
        .extracting(bl -> bl.source().title())
        .containsExactlyInAnyOrder("Near A", "Near B");
    List<OutgoingLink> out = ws.outgoingLinks(ws.resolve("A/Near A").orElseThrow().soul());
    assertThat(out).extracting(l -> l.resolved().soul()).containsExactly(a, b);
  }

  @Test
  void movingANoteKeepsLinksToItAndFromIt() throws Exception {
    Soul target = ws.createNote("A", "Ideas", "");
    Soul other = ws.createNote("B", "Ideas", "");
    Soul moved = ws.createNote("A", "Mover", "see [[Ideas]] and [[Ideas#Top|top]]");
    Soul linker = ws.createNote("C", "Linker", "[[A/Mover]] and [[Mover]]");
    ws.moveNote(moved, "B");
    assertThat(ws.findNote(moved).orElseThrow().folder()).isEqualTo("B");
    // From B, [[Ideas]] would now reach B/Ideas: the moved note's links get their target's path.
    assertThat(body(moved)).isEqualTo("see [[A/Ideas]] and [[A/Ideas#Top|top]]");
    assertThat(body(linker)).isEqualTo("[[B/Mover]] and [[Mover]]");
    assertThat(resolved("B", "A/Ideas")).isEqualTo(target);
    assertThat(ws.backlinks(moved, 10)).hasSize(2);
    assertThat(other).isNotNull();
  }

  @Test
  void renameWritesTheFullPathWhenTheBareNameWouldReachAnotherNote() throws Exception {
    Soul here = ws.createNote("X", "Topic", "");
    Soul far = ws.createNote("Y", "Old", "");
    Soul linker = ws.createNote("X", "Linker", "[[Old]] [[Old.md]]");
    ws.renameNote(far, "Topic");
    assertThat(body(linker)).isEqualTo("[[Y/Topic]] [[Y/Topic.md]]");
    assertThat(ws.backlinks(far, 10)).hasSize(2);
    assertThat(ws.backlinks(here, 10)).isEmpty();
  }

  @Test
  void renameAndMoveRewriteMarkdownLinksToo() throws Exception {
    Soul old = ws.createNote("Docs", "Old", "");
    Soul linker = ws.createNote("", "Linker", "[a](Docs/Old.md#Part) [b](<Docs/Old.md>) [[Old]]");
    ws.relocateNoteAsync(old, "Archive", "New-Name").get();
    assertThat(body(linker))
        .isEqualTo("[a](Archive/New-Name.md#Part) [b](<Archive/New-Name.md>) [[New-Name]]");
    assertThat(ws.backlinks(old, 10)).hasSize(3);
    ws.renameNote(old, "Final Version");
    assertThat(body(linker))
        .isEqualTo(
            "[a](Archive/Final%20Version.md#Part) [b](<Archive/Final%20Version.md>) [[Final Version]]");
    assertThat(ws.backlinks(old, 10)).hasSize(3);
  }

  @Test
  void moveIntoAFolderWhereTheTitleIsTakenIsRefusedAndChangesNothing() throws Exception {
    ws.createNote("A", "Same", "");
    Soul b = ws.createNote("B", "Same", "");
    String digest = ws.digest();
    assertThatThrownBy(() -> ws.moveNote(b, "a")).isInstanceOf(TitleTakenException.class);
    assertThat(ws.digest()).isEqualTo(digest);
  }

  @Test
  void backlinksOfANoteInAFolderIncludeLinksThroughAnAlias() throws Exception {
    Soul n = ws.createNote("Deep/Folder", "Real", "---\naliases: [Nick]\n---\n");
    ws.createNote("", "Src", "[[Nick]] [[Real]] [[Folder/Real]]");
    List<Backlink> links = ws.backlinks(n, 10);
    assertThat(links).hasSize(3);
  }
}
