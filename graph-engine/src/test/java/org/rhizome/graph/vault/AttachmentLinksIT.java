package org.rhizome.graph.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.Attachment;
import org.rhizome.graph.query.GraphView;
import org.rhizome.graph.query.LinkDestination;
import org.rhizome.graph.query.OutgoingLink;
import org.rhizome.graph.query.UnresolvedLink;

/**
 * Attachments as link targets, on a vault imported from disk into a real SQLite file: every form of
 * link to a file ({@code [[file.pdf]]}, {@code ![[image.png]]}, {@code ![[image.png|100]]}, {@code
 * ![x](Folder/image.jpg)}, {@code [x](docs/paper.pdf)}, paths, folder-first and shortest-path
 * choices) reaches the attachment; missing files are unresolved and marked as files.
 */
class AttachmentLinksIT {
  @TempDir Path tmp;
  Workspace ws;
  Path vault;
  DeviceKey key;

  @BeforeEach
  void setUp() throws Exception {
    key = DeviceKey.generate(new SecureRandom());
    ws = Workspace.open(tmp.resolve("ws.db"), key);
    vault = Files.createDirectories(tmp.resolve("vault"));
    file("Attachments/Engelbart.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
    file("Attachments/Diagram.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 9});
    file("docs/paper.pdf", "%PDF-1.4 fixture".getBytes(StandardCharsets.US_ASCII));
    file("Projects/photo.png", new byte[] {1});
    file("Archive/Deep/photo.png", new byte[] {2});
    file("photo.png", new byte[] {3});
    file("Attachments/My Scan.pdf", new byte[] {4});
    note(
        "Home.md",
        """
        # Home
        ![[Engelbart.jpg]] and ![[Engelbart.jpg|100]] and ![[Attachments/Diagram.png|100x80]]
        ![Engelbart](Attachments/Engelbart.jpg) and [the paper](docs/paper.pdf) and [[paper.pdf]]
        [[paper.pdf#page=2|page two]] and [scan](Attachments/My%20Scan.pdf) and ![[photo.png]]
        Missing: ![[missing.png]] and [[gone.pdf]] and [[v1.2]]
        A note: [[Plan]] and [[Plan.md]]
        """);
    note(
        "Projects/Work.md",
        "Here ![[photo.png]] is Projects/photo.png; ![[Deep/photo.png]] is the archived one.\n");
    note("Plan.md", "the plan, see ![[Diagram.png]]\n");
  }

  @AfterEach
  void tearDown() {
    ws.close();
  }

  private void file(String path, byte[] bytes) throws Exception {
    Path p = vault.resolve(path);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
  }

  private void note(String path, String text) throws Exception {
    file(path, text.getBytes(StandardCharsets.UTF_8));
  }

  private Soul noteSoul(String path) throws Exception {
    return ws.resolve(path).orElseThrow().soul();
  }

  private Soul attachmentSoul(String path) throws Exception {
    return ws.attachment(path).orElseThrow().soul();
  }

  @Test
  void everyFormOfLinkToAFileReachesTheAttachment() throws Exception {
    ImportReport report = new VaultImporter(ws).importVault(vault, VaultProgress.NONE);
    assertThat(report.attachmentsStored()).isEqualTo(7);

    List<OutgoingLink> links = ws.outgoingLinks(noteSoul("Home"));
    Map<String, String> reached = new TreeMap<>();
    for (OutgoingLink l : links) {
      String what =
          l.attachment() != null
              ? "file " + l.attachment().path()
              : l.resolved() != null
                  ? "note " + l.resolved().path()
                  : (l.file() ? "missing file" : "missing note");
      reached.merge(l.target(), what, (a, b) -> a.equals(b) ? a : a + " / " + b);
    }
    assertThat(reached)
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("Engelbart.jpg", "file Attachments/Engelbart.jpg"),
                Map.entry("Attachments/Diagram.png", "file Attachments/Diagram.png"),
                Map.entry("Attachments/Engelbart.jpg", "file Attachments/Engelbart.jpg"),
                Map.entry("docs/paper.pdf", "file docs/paper.pdf"),
                Map.entry("paper.pdf", "file docs/paper.pdf"),
                Map.entry("Attachments/My Scan.pdf", "file Attachments/My Scan.pdf"),
                Map.entry("photo.png", "file photo.png"),
                Map.entry("missing.png", "missing file"),
                Map.entry("gone.pdf", "missing file"),
                Map.entry("v1.2", "missing note"),
                Map.entry("Plan", "note Plan"),
                Map.entry("Plan.md", "note Plan")));
    assertThat(links).hasSize(14);
    assertThat(links.stream().filter(OutgoingLink::unresolved)).hasSize(3);

    // Own folder first, then a path suffix, as Obsidian resolves.
    assertThat(ws.outgoingLinks(noteSoul("Projects/Work")))
        .extracting(l -> l.attachment().path())
        .containsExactly("Projects/photo.png", "Archive/Deep/photo.png");
  }

  @Test
  void unresolvedAndTheImportSummaryListOnlyWhatIsMissing() throws Exception {
    ImportReport report = new VaultImporter(ws).importVault(vault, VaultProgress.NONE);
    List<UnresolvedLink> expected =
        List.of(
            new UnresolvedLink("gone.pdf", 1, 1, true),
            new UnresolvedLink("missing.png", 1, 1, true),
            new UnresolvedLink("v1.2", 1, 1, false));
    assertThat(ws.unresolvedLinks(100)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(report.brokenLinks()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void attachmentsHaveBacklinksAndANoteNamedLikeAFileTakesNone() throws Exception {
    new VaultImporter(ws).importVault(vault, VaultProgress.NONE);
    Soul engelbart = attachmentSoul("Attachments/Engelbart.jpg");
    assertThat(ws.attachmentBacklinks(engelbart, 100))
        .hasSize(3)
        .allMatch(b -> b.source().title().equals("Home"));
    assertThat(ws.attachmentBacklinks(attachmentSoul("Attachments/Diagram.png"), 100))
        .extracting(b -> b.source().title())
        .containsExactlyInAnyOrder("Home", "Plan");
    assertThat(ws.attachmentBacklinks(attachmentSoul("docs/paper.pdf"), 100)).hasSize(3);
    assertThat(ws.attachmentBacklinks(attachmentSoul("Archive/Deep/photo.png"), 100)).hasSize(1);

    // What the old link follower did: an empty note called like the image. It must not take the
    // links.
    Soul phantom = ws.createNote("Engelbart.jpg", "");
    assertThat(ws.backlinks(phantom, 100)).isEmpty();
    assertThat(ws.attachmentBacklinks(engelbart, 100)).hasSize(3);
    assertThat(ws.linkDestination("", "Engelbart.jpg"))
        .isInstanceOf(LinkDestination.ToAttachment.class);
    GraphView graph = ws.wholeGraph(1000);
    assertThat(graph.edges()).noneMatch(e -> e.to().equals(phantom));
    assertThat(ws.backlinks(noteSoul("Plan"), 100)).hasSize(2);
  }

  @Test
  void linkDestinationTellsNotesAttachmentsAndMissingFilesApart() throws Exception {
    new VaultImporter(ws).importVault(vault, VaultProgress.NONE);
    assertThat(ws.linkDestination("Projects", "photo.png"))
        .isEqualTo(
            new LinkDestination.ToAttachment(ws.attachment("Projects/photo.png").orElseThrow()));
    assertThat(ws.linkDestination("", "Plan")).isInstanceOf(LinkDestination.ToNote.class);
    assertThat(ws.linkDestination("", "missing.png"))
        .isEqualTo(new LinkDestination.Missing("missing.png", true));
    assertThat(ws.linkDestination("", "New idea"))
        .isEqualTo(new LinkDestination.Missing("New idea", false));
    assertThat(ws.resolveLink("", "Engelbart.jpg")).isEmpty();
  }

  @Test
  void answersAgreeWhileASecondWorkspaceWritesToTheSameFile() throws Exception {
    new VaultImporter(ws).importVault(vault, VaultProgress.NONE);
    Soul engelbart = attachmentSoul("Attachments/Engelbart.jpg");
    int writers = 60;
    try (Workspace other = Workspace.open(tmp.resolve("ws.db"), key)) {
      CompletableFuture<Void> writing =
          CompletableFuture.runAsync(
              () -> {
                try {
                  for (int i = 0; i < writers; i++) {
                    other.createNote(
                        "Gallery",
                        "Gallery " + i,
                        "![[Engelbart.jpg]] and ![[nowhere-" + (i % 3) + ".png]]");
                  }
                  other.putAttachment("", "nowhere-0.png", new byte[] {7});
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      List<Integer> seen = new ArrayList<>();
      while (!writing.isDone()) {
        int n = ws.attachmentBacklinks(engelbart, 10_000).size();
        assertThat(n).isBetween(3, 3 + writers);
        seen.add(n);
      }
      writing.get(60, TimeUnit.SECONDS);
      assertThat(seen).isSorted();
    }
    assertThat(ws.attachmentBacklinks(engelbart, 10_000)).hasSize(3 + writers);
    assertThat(ws.unresolvedLinks(100))
        .contains(
            new UnresolvedLink("nowhere-1.png", 20, 20, true),
            new UnresolvedLink("nowhere-2.png", 20, 20, true))
        .extracting(UnresolvedLink::target)
        .doesNotContain("nowhere-0.png");
    Attachment added = ws.attachment("nowhere-0.png").orElseThrow();
    assertThat(ws.attachmentBacklinks(added.soul(), 100)).hasSize(20);
  }
}
