package org.rhizome.ui.render;

/**
 * Readies the renderer before anyone waits for it: renders a generated note that uses every
 * construct the renderer knows (links, tags, embeds, callouts, tasks, maths, code, tables,
 * footnotes, highlights, Mermaid) a few times, so that Flexmark's and our classes are loaded and
 * their hot paths compiled by the JIT. In a fresh JVM the first render of a big note costs about
 * twice a later one (measured: {@code rhizome bench render}); a session's first reading view of a
 * big note pays that unless something rendered before it. Meant for a background thread after the
 * window shows.
 */
public final class RenderWarmUp {
  private RenderWarmUp() {}

  /**
   * How many times the app renders the sample. Once is enough since the reading view shows a long
   * note's start before rendering the rest ({@link ObsidianMarkdown#renderStart}): what the person
   * waits for is two screens, which needs the classes loaded more than the JIT's best code.
   * Measured with {@code rhizome bench render} at load 8–13: four renders of 24 KB cost 1.3–2.3 s
   * of CPU at every start and left the first screen at 110–140 ms CPU; one of 8 KB costs 0.7–0.8 s
   * and leaves it at 130–200 ms; none ({@code --cold}) 490–600 ms.
   */
  public static final int RENDERS = 1;

  /** Characters of the sample: enough for every construct to appear a few times. */
  static final int SAMPLE_CHARS = 8_000;

  /** Renders {@link #sample} {@code times} times with {@code links} (not cached: each is whole). */
  public static void run(RenderLinks links, int times) {
    ObsidianMarkdown markdown = new ObsidianMarkdown();
    for (int i = 0; i < times; i++) {
      RenderedNote note = markdown.render(sample(i), null, "", links);
      HtmlPage.of("", note, (i & 1) == 1, 15, "", "", "");
    }
  }

  /** About 8 KB of Markdown with every construct; {@code variant} changes its words. */
  public static String sample(int variant) {
    StringBuilder sb = new StringBuilder(SAMPLE_CHARS + 2_000);
    sb.append("---\ntags: [warm, up]\naliases: [Sample]\n---\n# Sample ").append(variant);
    sb.append("\n\n");
    for (int i = 0; sb.length() < SAMPLE_CHARS; i++) {
      int n = variant * 100 + i;
      sb.append("## Part ").append(n).append("\n\n");
      sb.append("Some *emphasis*, **strong** and `code` with [[Note ")
          .append(n)
          .append("]], [[Folder/Other ")
          .append(n)
          .append("#Heading|an alias]], [a link](https://example.org/")
          .append(n)
          .append(") and #tag")
          .append(i % 7)
          .append(" #nested/tag")
          .append(i % 3)
          .append(". A line that goes on\nto the next line with ==highlight== and ~~strike~~.\n\n");
      switch (i % 6) {
        case 0 ->
            sb.append("> [!note]+ Title ")
                .append(n)
                .append("\n> Inside, $e^{i\\pi} + ")
                .append(n)
                .append(" = 0$ and a footnote[^f")
                .append(n)
                .append("].\n\n[^f")
                .append(n)
                .append("]: The footnote.\n\n");
        case 1 ->
            sb.append("- [ ] open ")
                .append(n)
                .append("\n- [x] done ^b")
                .append(n)
                .append("\n  - nested item\n1. one\n2. two\n\n");
        case 2 ->
            sb.append("```java\nclass A")
                .append(n)
                .append(" { int x = ")
                .append(n)
                .append("; }\n```\n\n```python\ndef f():\n    return ")
                .append(n)
                .append("\n```\n\n");
        case 3 ->
            sb.append("$$\n\\int_0^{")
                .append(n)
                .append("} x\\,dx\n$$\n\n| a | b |\n|---|:-:|\n| ")
                .append(n)
                .append(" | **b** |\n\n%%hidden%%\n\n");
        case 4 ->
            sb.append("![[Embedded ")
                .append(n)
                .append("]]\n\n![[picture.png|100]] ![x](images/pic")
                .append(n)
                .append(".png) [[#Part ")
                .append(n)
                .append("]] [[#^b")
                .append(n)
                .append("]]\n\n");
        default ->
            sb.append("```mermaid\ngraph TD\n  A")
                .append(n)
                .append(" --> B\n```\n\n> A quote\n> > nested ^[inline note]\n\n---\n\n");
      }
    }
    return sb.toString();
  }
}
