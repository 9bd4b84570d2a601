package org.rhizome.ui.render;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.html.MutableAttributes;

/**
 * Ids on headings ({@link Anchors#slug}, so heading links find them) and Obsidian's classes on task
 * items.
 */
final class ObsidianAttributes implements AttributeProvider {
  private final LinkResolverContext context;

  ObsidianAttributes(LinkResolverContext context) {
    this.context = context;
  }

  @Override
  public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
    if (node instanceof Heading heading && part == AttributablePart.NODE) {
      // Made unique across the page when it is put together (PageAssembly).
      attributes.replaceValue(
          "id",
          PageAssembly.headingId(
              Anchors.slug(new TextCollectingVisitor().collectAndGetText(heading))));
    } else if (node instanceof ListItem item
        && item.getFirstChild() instanceof Paragraph p
        && p.getFirstChild() instanceof ObsidianNodes.TaskBox box) {
      attributes.addValue("class", "task-list-item");
      attributes.replaceValue("data-task", String.valueOf(box.state));
      if (box.state != ' ') {
        attributes.addValue("class", "is-checked");
      }
    }
  }

  static final class Factory extends IndependentAttributeProviderFactory {
    @Override
    public AttributeProvider apply(LinkResolverContext context) {
      return new ObsidianAttributes(context);
    }
  }
}
