package org.rhizome.graph.markdown;

import java.util.List;
import java.util.Objects;

/**
 * What {@link MarkdownParser#parse} found in one note. Immutable; all lists are unmodifiable
 * copies.
 *
 * @param links wikilinks and embeds in order of appearance: those in the front matter block first
 *     (Obsidian's {@code related: "[[Other]]"} properties), then those in the body
 * @param tags front-matter tags then body tags, without {@code #}, deduplicated case-insensitively
 *     (the first spelling wins), in order of appearance
 * @param headings the body's headings in order
 * @param frontMatter the parsed front matter, {@link FrontMatter#EMPTY} if there is none
 * @param problems human-readable sentences about what could not be parsed (malformed YAML, front
 *     matter never closed, ...); empty for a clean note. A problem never stops the rest of the note
 *     from being parsed.
 */
public record ParsedNote(
    List<WikiLink> links,
    List<String> tags,
    List<Heading> headings,
    FrontMatter frontMatter,
    List<String> problems) {

  public ParsedNote {
    links = List.copyOf(links);
    tags = List.copyOf(tags);
    headings = List.copyOf(headings);
    Objects.requireNonNull(frontMatter, "frontMatter");
    problems = List.copyOf(problems);
  }
}
