package org.rhizome.graph.markdown;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites wikilink targets in note text (this is how renaming a note updates the links to it in
 * other notes) and finds unlinked mentions that could become links. Stateless and thread-safe; each
 * call parses the text once, so it costs about as much as {@link MarkdownParser#parse}.
 */
public final class LinkRewriter {

  private LinkRewriter() {}

  /**
   * Replaces the target of every wikilink and embed whose target matches, keeping {@code !}, {@code
   * #heading}, {@code |alias}, spacing inside the brackets and all other text byte for byte.
   *
   * <p>Links are found exactly as {@link MarkdownParser#parse} finds them (code is skipped; links
   * in front matter values are included). Links with an empty target ({@code [[#Heading]]}, a link
   * inside the same note) are never rewritten and never passed to {@code targetMatches}.
   *
   * @param markdown the note text
   * @param targetMatches called with each link's trimmed target (e.g. {@code "Old Title"}, or
   *     {@code "folder/Old Title.md"} as written); matching by case, path or extension is up to it
   * @param newTarget the replacement target, inserted verbatim
   * @return the rewritten text, or {@code markdown} itself (the same instance) if no link matched
   * @throws IllegalArgumentException if {@code newTarget} is blank, has leading or trailing
   *     whitespace, or contains a char that cannot be in a wikilink target: {@code [ ] | # ^} or a
   *     line break
   */
  public static String retarget(
      String markdown, Predicate<String> targetMatches, String newTarget) {
    Objects.requireNonNull(markdown, "markdown");
    Objects.requireNonNull(targetMatches, "targetMatches");
    checkTarget(newTarget);
    StringBuilder out = null;
    int copied = 0;
    for (WikiLink link : MarkdownParser.SHARED.parse(markdown).links()) {
      if (link.markdown() || link.target().isEmpty() || !targetMatches.test(link.target())) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(markdown.length() + 64);
      }
      out.append(markdown, copied, link.targetStart()).append(newTarget);
      copied = link.targetEnd();
    }
    if (out == null) {
      return markdown;
    }
    return out.append(markdown, copied, markdown.length()).toString();
  }

  /**
   * As {@link #retarget(String, Predicate, String)}, with a replacement chosen per link: {@code
   * newTargetFor} returns the new target for a link's trimmed target, or null to leave it. Markdown
   * links to vault files ({@code [x](Old.md)}) are included: they get the new target
   * percent-encoded, with their {@code #fragment} kept.
   *
   * @throws IllegalArgumentException if a returned target is not one a wikilink can hold
   */
  public static String retarget(String markdown, Function<String, @Nullable String> newTargetFor) {
    Objects.requireNonNull(markdown, "markdown");
    StringBuilder out = null;
    int copied = 0;
    for (WikiLink link : MarkdownParser.SHARED.parse(markdown).links()) {
      if (link.target().isEmpty()) {
        continue;
      }
      String replacement = newTargetFor.apply(link.target());
      if (replacement == null || replacement.equals(link.target())) {
        continue;
      }
      checkTarget(replacement);
      if (link.markdown()) {
        // A Markdown link's destination is a URL path: written percent-encoded (also inside <...>,
        // where Flexmark reads no spaces).
        replacement = LocalLinkTargets.encode(replacement);
      }
      if (out == null) {
        out = new StringBuilder(markdown.length() + 64);
      }
      out.append(markdown, copied, link.targetStart()).append(replacement);
      copied = link.targetEnd();
    }
    if (out == null) {
      return markdown;
    }
    return out.append(markdown, copied, markdown.length()).toString();
  }

  /**
   * Finds unlinked mentions: case-insensitive, whole-word occurrences of {@code phrase} in the
   * body's Markdown text: not in front matter, not inside a wikilink, a Markdown link or image,
   * code, or the other non-text syntax that {@link MarkdownParser} skips. "Whole word" means the
   * char before and after the occurrence is not a letter or digit (checked only on a side where the
   * phrase itself begins or ends with such a char, so {@code "C++"} can be found). The phrase is
   * matched char for char ignoring case; whitespace inside it must match exactly (a phrase does not
   * match across a line break).
   *
   * @return mentions in order of appearance, not overlapping; empty if {@code phrase} is blank
   */
  public static List<Mention> findMentions(String markdown, String phrase) {
    return MentionFinder.findMentions(markdown, phrase);
  }

  private static void checkTarget(String newTarget) {
    Objects.requireNonNull(newTarget, "newTarget");
    if (newTarget.isBlank()) {
      throw new IllegalArgumentException("new link target is blank");
    }
    if (!newTarget.strip().equals(newTarget)) {
      throw new IllegalArgumentException(
          "new link target '" + newTarget + "' has leading or trailing whitespace");
    }
    for (int i = 0; i < newTarget.length(); i++) {
      char c = newTarget.charAt(i);
      if (c == '[' || c == ']' || c == '|' || c == '#' || c == '^' || c == '\n' || c == '\r') {
        throw new IllegalArgumentException(
            "new link target '"
                + newTarget
                + "' contains '"
                + c
                + "', which cannot appear in a wikilink");
      }
    }
  }
}
