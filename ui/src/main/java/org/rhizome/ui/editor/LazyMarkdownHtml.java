package org.rhizome.ui.editor;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One {@link MarkdownHtml}, made when first asked for (the renderer is built on first use). FX
 * thread only.
 */
final class LazyMarkdownHtml implements Supplier<MarkdownHtml> {
  private @Nullable MarkdownHtml html;

  @Override
  public MarkdownHtml get() {
    if (html == null) {
      html = new MarkdownHtml();
    }
    return html;
  }
}
