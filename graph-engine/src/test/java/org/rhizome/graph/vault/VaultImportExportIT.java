package org.rhizome.graph.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.Note;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.graph.query.TagCount;

class VaultImportExportIT {
  @TempDir Path tmp;
  Workspace ws;
  TestVault vault;

  @BeforeEach
  void setUp() throws Exception {
    ws = Workspace.open(tmp.resolve("ws.db"), DeviceKey.generate(new SecureRandom()));
    vault = new TestVault(Files.createDirectories(tmp.resolve("vault"))).build();
  }

  @AfterEach
  void tearDown() {
    ws.close();
  }

  private Soul note(String path) throws Exception {
    return ws.resolve(path).orElseThrow(() -> new AssertionError("no note " + path)).soul();
  }

  @Test
  void everyMarkdownFileBecomesANoteInItsFolderAndOthersAreAttachments() throws Exception {
    ImportReport report = new VaultImporter(ws).importVault(vault.root, VaultProgress.NONE);
    assertThat(report.notesCreated()).isEqualTo(TestVault.NOTES.length);
    assertThat(ws.listNotes(100))
        .extracting(NoteRef::path)
        .containsExactlyInAnyOrder(TestVault.NOTES);
    assertThat(ws.attachments(100))
        .extracting(a -> a.path())
        .containsExactlyInAnyOrder(
            "diagram.png", "docs/paper.pdf", "Latin1.md", "C#.md", "Huge.md");
    assertThat(ws.attachmentBytes("docs/paper.pdf").orElseThrow())
        .isEqualTo(Files.readAllBytes(vault.root.resolve("docs/paper.pdf")));
    assertThat(ws.attachment("DOCS/Paper.PDF").orElseThrow().mime()).isEqualTo("application/pdf");
    assertThat(ws.resolveAttachment("Projects", "diagram.png").orElseThrow().path())
        .isEqualTo("diagram.png");
  }

  @Test
  void problemsAreReportedNeverFatal() throws Exception {
    ImportReport report = new VaultImporter(ws).importVault(vault.root, VaultProgress.NONE);
    assertThat(report.problems())
        .extracting(VaultProblem::path)
        .contains("Latin1.md", "C#.md", "Huge.md", "Broken.md");
    assertThat(report.problems())
        .filteredOn(p -> p.path().equals("Latin1.md"))
        .first()
        .asString()
        .contains("not UTF-8");
    assertThat(report.problems()).extracting(VaultProblem::path).noneMatch(p -> p.startsWith("."));
    assertThat(ws.findNote(note("Broken")).orElseThrow().body())
        .startsWith("---\ntitle: [unclosed");
    assertThat(report.brokenLinks()).extracting(u -> u.target()).containsExactly("Nowhere");
  }

  @Test
  void backlinksMatchTheCountsTheVaultWasWrittenWith() throws Exception {
    new VaultImporter(ws).importVault(vault.root, VaultProgress.NONE);
    Map<String, Integer> actual = new TreeMap<>();
    for (String path : vault.expectedBacklinks.keySet()) {
      actual.put(path, ws.backlinks(note(path), 1000).size());
    }
    assertThat(actual).isEqualTo(new TreeMap<>(vault.expectedBacklinks));
  }

  @Test
  void frontMatterBecomesPropertiesAndTagsFollowObsidian() throws Exception {
    new VaultImporter(ws).importVault(vault.root, VaultProgress.NONE);
    Note home = ws.findNote(note("Home")).orElseThrow();
    assertThat(home.aliases()).containsExactlyInAnyOrder("Start", "Front Page");
    assertThat(ws.properties(home.soul()))
        .containsExactly(java.util.Map.entry("related", "[[Projects/Plan]]"));
    assertThat(ws.properties(note("Broken"))).isEmpty();
    assertThat(home.tags())
        .containsExactlyInAnyOrder("index", "project/alpha", "topic", "project/beta");
    assertThat(ws.resolve("Front Page").orElseThrow().soul()).isEqualTo(home.soul());
    assertThat(ws.tags()).extracting(TagCount::tag).doesNotContain("1984", "notatag");
    assertThat(ws.tags())
        .contains(
            new TagCount("project", 1),
            new TagCount("project/alpha", 1),
            new TagCount("project/beta", 1));
    assertThat(ws.notesTagged("project", 10)).extracting(NoteRef::title).containsExactly("Home");
    assertThat(ws.search("tag:project", 10))
        .extracting(h -> h.note().title())
        .containsExactly("Home");
    assertThat(ws.unresolvedLinks(10)).extracting(u -> u.target()).contains("Nowhere");
  }

  @Test
  void exportGivesBackEveryFileByteForByte() throws Exception {
    new VaultImporter(ws).importVault(vault.root, VaultProgress.NONE);
    Path out = tmp.resolve("out");
    ExportReport report = new VaultExporter(ws).export(out, VaultProgress.NONE);
    assertThat(report.problems()).isEmpty();
    assertThat(files(out))
        .isEqualTo(
            files(vault.root).entrySet().stream()
                .filter(e -> !e.getKey().startsWith("."))
                .collect(TreeMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll));
    ExportReport again = new VaultExporter(ws).export(out, VaultProgress.NONE);
    assertThat(again.notesWritten() + again.attachmentsWritten()).isZero();
  }

  @Test
  void reimportUpdatesWhatChangedAndCreatesNoDuplicates() throws Exception {
    new VaultImporter(ws).importVault(vault.root, VaultProgress.NONE);
    String digest = ws.digest();
    ImportReport same = new VaultImporter(ws).importVault(vault.root, VaultProgress.NONE);
    assertThat(same.notesCreated() + same.notesUpdated() + same.attachmentsStored()).isZero();
    assertThat(ws.digest()).isEqualTo(digest);
    vault.write("A/Ideas.md", "Ideas in A, edited elsewhere. [[Home]]\n");
    vault.write("New.md", "new\n");
    vault.write("diagram.png", new byte[] {1, 2, 3});
    ImportReport changed = new VaultImporter(ws).importVault(vault.root, VaultProgress.NONE);
    assertThat(changed.notesUpdated()).isEqualTo(1);
    assertThat(changed.notesCreated()).isEqualTo(1);
    assertThat(changed.attachmentsStored()).isEqualTo(1);
    assertThat(ws.noteCount()).isEqualTo(TestVault.NOTES.length + 1);
    assertThat(ws.findNote(note("A/Ideas")).orElseThrow().body())
        .isEqualTo("Ideas in A, edited elsewhere. [[Home]]\n");
    assertThat(ws.attachmentBytes("diagram.png").orElseThrow()).containsExactly(1, 2, 3);
  }

  @Test
  void cancellingAnImportLeavesTheWorkspaceAsItWas() throws Exception {
    Path big = Files.createDirectories(tmp.resolve("big"));
    for (int i = 0; i < VaultImporter.BATCH + 200; i++) {
      Files.writeString(big.resolve("n" + i + ".md"), "note " + i + " [[n" + (i + 1) + "]]\n");
    }
    Soul mine = ws.createNote("n1", "my own text\n");
    VaultProgress cancelAfterFirstBatch =
        new VaultProgress() {
          boolean oneDone;

          @Override
          public void update(String phase, long done, long total) {
            oneDone |= done > 0;
          }

          @Override
          public boolean cancelled() {
            return oneDone;
          }
        };
    assertThatThrownBy(() -> new VaultImporter(ws).importVault(big, cancelAfterFirstBatch))
        .isInstanceOf(VaultCancelledException.class);
    assertThat(ws.listNotes(10_000)).extracting(NoteRef::soul).containsExactly(mine);
    assertThat(ws.findNote(mine).orElseThrow().body()).isEqualTo("my own text\n");
  }

  @Test
  void aReplicaThatLacksABlobListsItAndStoresWhatAPeerSends() throws Exception {
    new VaultImporter(ws).importVault(vault.root, VaultProgress.NONE);
    try (Workspace peer =
        Workspace.open(
            tmp.resolve("peer.db"),
            ws.id(),
            DeviceKey.generate(new SecureRandom()),
            System::currentTimeMillis)) {
      peer.applyRemote(
          ws.changesSince(peer.versionVector(), 0, 100_000).stream().map(e -> e.bytes()).toList());
      String hash = peer.attachment("docs/paper.pdf").orElseThrow().hash();
      assertThat(peer.missingBlobs(100)).contains(hash).hasSize(5);
      assertThat(peer.attachmentBytes("docs/paper.pdf")).isEmpty();
      assertThat(peer.storeBlobAsync(ws.blob(hash).orElseThrow()).get()).isEqualTo(hash);
      assertThat(peer.attachmentBytes("docs/paper.pdf").orElseThrow())
          .isEqualTo(Files.readAllBytes(vault.root.resolve("docs/paper.pdf")));
      assertThat(peer.missingBlobs(100)).doesNotContain(hash).hasSize(4);
    }
  }

  @Test
  void exportWritesNotesAtSafePathsAndReportsClashes() throws Exception {
    ws.createNote("Inbox", "Same", "one");
    ws.createNote("inbox", "Other", "two");
    Path out = tmp.resolve("out");
    ExportReport report = new VaultExporter(ws).export(out, VaultProgress.NONE);
    assertThat(Files.readString(out.resolve("Inbox/Same.md"))).isEqualTo("one");
    assertThat(report.notesWritten()).isEqualTo(2);
  }

  private static Map<String, String> files(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        out.put(
            VaultPaths.relative(root, p),
            java.util.HexFormat.of()
                .formatHex(
                    java.security.MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(p))));
      }
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
