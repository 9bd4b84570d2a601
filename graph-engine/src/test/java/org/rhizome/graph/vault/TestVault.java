package org.rhizome.graph.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A vault written by the tests, covering the import rules, with the backlink count each note should
 * get worked out here, from the links this class writes on purpose (not by the importer's code).
 */
final class TestVault {
  /** Path of a note (without .md) → how many links in other notes must reach it. */
  final Map<String, Integer> expectedBacklinks = new LinkedHashMap<>();

  final Path root;

  TestVault(Path root) {
    this.root = root;
  }

  private void expect(String notePath, int links) {
    expectedBacklinks.merge(notePath, links, Integer::sum);
  }

  void write(String relative, String text) throws IOException {
    write(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  void write(String relative, byte[] bytes) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
  }

  TestVault build() throws IOException {
    expect("A/Ideas", 0);
    expect("Archive/Old/Ideas", 0);
    expect("Projects/Plan", 0);
    expect("Home", 0);
    write(
        "Home.md",
        """
        ---
        aliases: [Start, Front Page]
        tags: [index, project/alpha]
        related: "[[Projects/Plan]]"
        ---
        # Home
        Go to [[Ideas]] and [[Projects/Plan|the plan]], see [[Plan#Goals]] and [[Plan#^block1]].
        ![[diagram.png]] and [the plan as a file](Projects/Plan.md) and [web](https://example.com/Plan.md).
        | col | link |
        |-----|------|
        | a | [[Archive/Old/Ideas\\|old ideas]] |
        Not links: `[[Ideas]]`, $[[Ideas]]$, <!-- [[Ideas]] -->
        ```
        [[Ideas]]
        ```
        $$
        [[Projects/Plan]] #notatag
        $$
        Tags: #topic #1984 #project/beta and a [[Nowhere]] link.
        """);
    // From the root: Ideas → the shortest path, A/Ideas (2); Plan: front matter, alias link,
    // #Goals, #^block1, Markdown link (5);
    // Archive/Old/Ideas through the table (1).
    expect("A/Ideas", 1);
    expect("Projects/Plan", 5);
    expect("Archive/Old/Ideas", 1);
    write("A/Ideas.md", "Ideas in A. Back to [[Home]] and [[Start]].\n");
    expect("Home", 2);
    // Own folder first: this [[Ideas]] is the note itself, and a note's links to itself are not
    // backlinks.
    write("Archive/Old/Ideas.md", "Old ideas: [[Ideas]] is me.\n");
    write(
        "A/Note in A.md",
        "[[Ideas]] here is A/Ideas; [[../Archive/Old/Ideas]] climbs out of A; [[../../Ideas]] climbs above the root.\n");
    expect("A/Ideas", 1);
    expect("Archive/Old/Ideas", 1);
    write(
        "Projects/Plan.md",
        "## Goals\nShip it. ^block1\n![[diagram.png|200]] ![[docs/paper.pdf]]\n");
    write(
        "Projects/Sub/Task.md",
        "Up: [[../Plan]], and by suffix [[Old/Ideas]], and [[Projects/Plan#Goals|goals]].\n");
    expect("Projects/Plan", 2);
    expect("Archive/Old/Ideas", 1);
    write("日本語/ノート.md", "# ノート\n[[Ideas]] #日本\n");
    expect("A/Ideas", 1);
    write("Ελληνικά 📓.md", "Γεια [[ノート]] and an embedded note: ![[Plan]]\n");
    expect("日本語/ノート", 1);
    expect("Projects/Plan", 1);
    write("Broken.md", "---\ntitle: [unclosed\n  - x: {\n---\nBody still here [[Home]]\n");
    expect("Home", 1);
    write("Windows.md", "Line one\r\nLine two [[home]] (names compare without case)\r\n");
    expect("Home", 1);
    write("Bom.md", "\uFEFF# With a BOM\n[[Home]]\n");
    expect("Home", 1);
    write("Empty.md", "");
    write("Latin1.md", new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
    write("C#.md", "title with a hash\n");
    write("Huge.md", "x".repeat((1 << 20) + 10));
    Random random = new Random(7);
    byte[] png = new byte[5000];
    random.nextBytes(png);
    write("diagram.png", png);
    byte[] pdf = new byte[20000];
    random.nextBytes(pdf);
    write("docs/paper.pdf", pdf);
    write(".obsidian/app.json", "{}");
    write(".trash/Gone.md", "deleted");
    return this;
  }

  /** The Markdown files that are notes after import. */
  static final String[] NOTES = {
    "Home",
    "A/Ideas",
    "Archive/Old/Ideas",
    "A/Note in A",
    "Projects/Plan",
    "Projects/Sub/Task",
    "日本語/ノート",
    "Ελληνικά 📓",
    "Broken",
    "Windows",
    "Bom",
    "Empty"
  };
}
