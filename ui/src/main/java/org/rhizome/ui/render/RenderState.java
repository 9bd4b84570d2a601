package org.rhizome.ui.render;

import com.vladsch.flexmark.util.data.NullableDataKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One render's state, carried on the parsed document: the note's place, the embed stack and what
 * was used.
 */
final class RenderState {
  static final NullableDataKey<RenderState> KEY = new NullableDataKey<>("rhizome.render.state");

  final ObsidianMarkdown markdown;
  final RenderLinks links;
  final String sourceFolder;

  /**
   * The notes being embedded around this one (ids), outermost first: an embed of any of them is a
   * cycle.
   */
  final Set<String> stack;

  final int depth;
  final Collected collected;

  /**
   * Footnote definitions of this parsed text by label (their HTML, with markers), for {@link
   * PageAssembly}.
   */
  final Map<String, String> footnotes = new LinkedHashMap<>();

  /** Inline footnotes {@code ^[…]} of this parsed text, in order (their HTML). */
  final List<String> inlineFootnotes = new ArrayList<>();

  RenderState(
      ObsidianMarkdown markdown,
      RenderLinks links,
      String sourceFolder,
      Set<String> stack,
      int depth,
      Collected collected) {
    this.markdown = markdown;
    this.links = links;
    this.sourceFolder = sourceFolder;
    this.stack = stack;
    this.depth = depth;
    this.collected = collected;
  }

  /** The state for a note embedded in this one. */
  RenderState embedding(String noteId, String folder) {
    Set<String> inner = new LinkedHashSet<>(stack);
    inner.add(noteId);
    return new RenderState(markdown, links, folder, inner, depth + 1, collected);
  }

  ObsidianMarkdown markdownFor() {
    return markdown;
  }

  boolean embedded() {
    return depth > 0;
  }

  /** What a whole page used, across its embeds. */
  static final class Collected {
    final Set<RenderedNote.Feature> features = EnumSet.noneOf(RenderedNote.Feature.class);
    final Set<String> linked = new LinkedHashSet<>();
    final Set<String> embedded = new LinkedHashSet<>();
  }
}
