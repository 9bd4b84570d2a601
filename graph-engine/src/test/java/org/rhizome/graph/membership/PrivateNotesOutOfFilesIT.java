package org.rhizome.graph.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.vault.ExportReport;
import org.rhizome.graph.vault.VaultExporter;
import org.rhizome.graph.vault.VaultMirror;
import org.rhizome.graph.vault.VaultProgress;

/**
 * A private note's text rests only sealed (issue 16), so neither an export nor the mirror puts it
 * in a plain file unless the person asks for it (export {@code --include-private}); the mirror
 * never does, while another member's device keeps editing it.
 */
class PrivateNotesOutOfFilesIT {
  private static final long WAIT_MILLIS = 10_000;
  private static final String MARKER = "Qqprivatevaultmarker";

  @TempDir Path dir;

  @Test
  void anExportLeavesPrivateNotesOutUnlessAskedFor() throws Exception {
    try (Team team = new Team(dir)) {
      Workspace alice = team.alice;
      Workspace bob = team.join(alice, "Bob", Role.WRITER);
      Soul secret =
          alice.createPrivateNote("HR", "Salaries", "pay " + MARKER + "\n", List.of(bob.actor()));
      alice.createNote("", "Plan", "see [[Salaries]]\n");
      Team.exchange(alice, bob);

      Path out = dir.resolve("out");
      ExportReport report = new VaultExporter(bob).export(out, VaultProgress.NONE);
      assertThat(report.privateLeftOut()).isEqualTo(1);
      assertThat(report.notesWritten()).isEqualTo(1);
      assertThat(out.resolve("Plan.md")).hasContent("see [[Salaries]]\n");
      assertThat(out.resolve("HR/Salaries.md")).doesNotExist();
      assertThat(filesText(out)).doesNotContain(MARKER);

      ExportReport all = new VaultExporter(bob).includingPrivate().export(out, VaultProgress.NONE);
      assertThat(all.privateLeftOut()).isZero();
      assertThat(out.resolve("HR/Salaries.md")).hasContent("pay " + MARKER + "\n");
      assertThat(bob.findNote(secret).orElseThrow().body()).contains(MARKER);
    }
  }

  @Test
  void theMirrorNeverWritesAPrivateNoteNorTakesAFileInto() throws Exception {
    try (Team team = new Team(dir)) {
      Workspace alice = team.alice;
      Workspace bob = team.join(alice, "Bob", Role.WRITER);
      Soul secret =
          alice.createPrivateNote("", "Salaries", "pay " + MARKER + "\n", List.of(bob.actor()));
      Soul stale = alice.createPrivateNote("", "Old copy", "old " + MARKER + "\n", List.of());
      Team.exchange(alice, bob);

      Path vault = Files.createDirectories(dir.resolve("vault"));
      // What an earlier mirror wrote (exactly the note's text) goes; someone's own file at a
      // private note's path stays as it is and is not taken in.
      Files.writeString(vault.resolve("Old copy.md"), "old " + MARKER + "\n");
      Files.writeString(vault.resolve("Salaries.md"), "my own draft\n");
      VaultMirror.configure(alice, vault);
      VaultMirror mirror = VaultMirror.configured(alice).orElseThrow();
      mirror.start();
      try {
        alice.createNote("", "Plan", "public words\n");
        await(() -> Files.isRegularFile(vault.resolve("Plan.md")));
        assertThat(vault.resolve("Old copy.md")).doesNotExist();
        assertThat(vault.resolve("Salaries.md")).hasContent("my own draft\n");

        // Another member edits the private note meanwhile, and a public one: only the public
        // one's file follows.
        String bobBody = bob.findNote(secret).orElseThrow().body();
        bob.editBodyAsync(secret, bobBody + "more " + MARKER + "\n").get();
        Soul plan = alice.resolve("Plan").orElseThrow().soul();
        Team.exchange(alice, bob);
        alice.editBodyAsync(plan, "public words, edited\n").get();
        await(() -> Files.readString(vault.resolve("Plan.md")).contains("edited"));
        assertThat(alice.findNote(secret).orElseThrow().body()).contains("more " + MARKER);

        // Saving or deleting the file at its path does nothing to the private note.
        Files.writeString(vault.resolve("Salaries.md"), "changed draft\n");
        Files.writeString(vault.resolve("Second.md"), "another public note\n");
        await(() -> alice.resolve("Second").isPresent());
        Files.delete(vault.resolve("Salaries.md"));
        Files.writeString(vault.resolve("Third.md"), "a third\n");
        await(() -> alice.resolve("Third").isPresent());
        assertThat(alice.findNote(secret).orElseThrow().body())
            .isEqualTo("pay " + MARKER + "\nmore " + MARKER + "\n");
        assertThat(alice.findNote(stale)).isPresent();
      } finally {
        mirror.close();
      }
      assertThat(filesText(vault)).doesNotContain(MARKER);
    }
  }

  private static String filesText(Path root) throws Exception {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    }
    return all.toString();
  }

  /** Polls until {@code condition} holds, for at most {@value #WAIT_MILLIS} ms. */
  private static void await(Callable<Boolean> condition) throws Exception {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (!condition.call()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("condition not met within " + WAIT_MILLIS + " ms");
      }
      Thread.sleep(5); // files and a database: no event to wait on from here
    }
  }
}
