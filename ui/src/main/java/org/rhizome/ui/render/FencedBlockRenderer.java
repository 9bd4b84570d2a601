package org.rhizome.ui.render;

/**
 * Renders the body of a fenced code block of one language (say {@code ```query}) as HTML, instead
 * of the highlighted code the renderer shows by default. Register one with {@link
 * ObsidianMarkdown#withFencedBlock(String, FencedBlockRenderer)}.
 */
@FunctionalInterface
public interface FencedBlockRenderer {
  /**
   * @param code the block's text, as written
   * @param sourceFolder the folder of the note being rendered (for resolving names in it)
   * @param links the same resolver the page is rendered with
   * @return HTML to put in the page (escape what comes from the note: {@link Html#escape})
   */
  String render(String code, String sourceFolder, RenderLinks links);
}
