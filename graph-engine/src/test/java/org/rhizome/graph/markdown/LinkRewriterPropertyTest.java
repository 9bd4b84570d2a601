package org.rhizome.graph.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Rename must touch link targets and nothing else. Documents are random sequences of fragments that
 * mix links in every form with code, near-miss syntax, line endings and surrogate pairs.
 */
class LinkRewriterPropertyTest {

  private static final List<String> TARGETS =
      List.of("Old", "old", " Old ", "Other", "Old Note", "📓");
  private static final List<String> LINK_FORMS =
      List.of(
          "[[%s]]",
          "[[%s|alias]]",
          "[[%s#Head]]",
          "[[%s#Head|a b]]",
          "![[%s]]",
          "![[%s|200]]",
          "[[%s\\|x]]",
          "`[[%s]]`",
          "[[%s#^block]]",
          "[%s]",
          "[[%s]");
  private static final List<String> OTHER_FRAGMENTS =
      List.of(
          "[[#Head]]",
          "\n```\n[[Old]]\n```\n",
          "\n\n    [[Old]]\n\n",
          " ",
          " ",
          " ",
          "\n",
          "\n\n",
          "\r\n",
          "\t",
          "word",
          "Old",
          "#tag",
          "#Old",
          "😀",
          "👍🏽",
          "[[",
          "]]",
          "[",
          "]",
          "|",
          "#",
          "!",
          "\\",
          "`",
          "*",
          "_",
          "[x](http://e.org/[[Old]])",
          "<b>",
          "</b>",
          "---\n",
          "> ",
          "- ",
          "# ",
          "<!-- [[Old]] -->",
          "\n---\nrelated: \"[[Old]]\"\n---\n");

  private static final MarkdownParser PARSER = new MarkdownParser();

  @Provide
  Arbitrary<String> documents() {
    List<String> fragments = new ArrayList<>(OTHER_FRAGMENTS);
    for (String form : LINK_FORMS) {
      for (String target : TARGETS) {
        fragments.add(String.format(form, target));
      }
    }
    Arbitrary<String> frontMatter =
        Arbitraries.of("", "", "---\nrelated: \"[[Old]]\"\naliases: [Old]\n---\n");
    Arbitrary<String> body =
        Arbitraries.of(fragments)
            .list()
            .ofMinSize(0)
            .ofMaxSize(40)
            .map(parts -> String.join("", parts));
    return frontMatter.flatMap(fm -> body.map(b -> fm + b));
  }

  @Provide
  Arbitrary<String> newTargets() {
    return Arbitraries.of("New", "Brand New Name", "Nü 📓", "a-b.c", "folder/Sub");
  }

  @Property(tries = 1000, seed = "20261124")
  void nonMatchingPredicateReturnsInputUnchanged(@ForAll("documents") String document) {
    assertThat(LinkRewriter.retarget(document, target -> false, "New")).isSameAs(document);
    assertThat(LinkRewriter.retarget(document, "Nothing Like This"::equals, "New"))
        .isSameAs(document);
  }

  @Property(tries = 1000, seed = "20261124")
  void matchingLinksGetNewTargetAndEverythingElseIsKept(
      @ForAll("documents") String document, @ForAll("newTargets") String newTarget) {
    String rewritten = LinkRewriter.retarget(document, "old"::equalsIgnoreCase, newTarget);

    List<WikiLink> before = PARSER.parse(document).links();
    List<WikiLink> after = PARSER.parse(rewritten).links();
    assertThat(after).hasSameSizeAs(before);
    StringBuilder keptBefore = new StringBuilder();
    StringBuilder keptAfter = new StringBuilder();
    int copiedBefore = 0;
    int copiedAfter = 0;
    for (int i = 0; i < before.size(); i++) {
      WikiLink old = before.get(i);
      WikiLink now = after.get(i);
      boolean matched = old.target().equalsIgnoreCase("old");
      assertThat(now.target()).isEqualTo(matched ? newTarget : old.target());
      assertThat(now.heading()).isEqualTo(old.heading());
      assertThat(now.alias()).isEqualTo(old.alias());
      assertThat(now.embed()).isEqualTo(old.embed());
      assertThat(now.line()).isEqualTo(old.line());
      if (matched) {
        keptBefore.append(document, copiedBefore, old.targetStart());
        copiedBefore = old.targetEnd();
        keptAfter.append(rewritten, copiedAfter, now.targetStart());
        copiedAfter = now.targetEnd();
      }
    }
    keptBefore.append(document, copiedBefore, document.length());
    keptAfter.append(rewritten, copiedAfter, rewritten.length());
    assertThat(keptAfter.toString()).isEqualTo(keptBefore.toString());
    assertThat(PARSER.parse(rewritten).tags()).isEqualTo(PARSER.parse(document).tags());
  }

  @Property(tries = 300, seed = "20261124")
  void parseNeverThrowsAndOffsetsMatchTargets(@ForAll("documents") String document) {
    ParsedNote note = PARSER.parse(document);
    for (WikiLink link : note.links()) {
      assertThat(document.substring(link.targetStart(), link.targetEnd())).isEqualTo(link.target());
      assertThat(document.substring(link.start(), link.end()))
          .startsWith(link.embed() ? "![[" : "[[")
          .endsWith("]]");
    }
  }
}
