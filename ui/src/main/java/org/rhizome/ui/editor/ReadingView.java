package org.rhizome.ui.editor;

import javafx.concurrent.Worker;
import javafx.scene.Node;
import javafx.scene.web.WebView;
import org.rhizome.ui.shell.AppContext;
import org.w3c.dom.Element;
import org.w3c.dom.events.EventTarget;

/**
 * The rendered view of a note: its Markdown as HTML in a {@link WebView}. Wikilinks open (or
 * create) their note; other links are not followed inside the view. The HTML is built in the
 * background; the page's colours follow the theme.
 *
 * <p>FX thread only. The WebView is heavy, so a tab builds it only when first switched to reading.
 */
final class ReadingView {
  private final AppContext context;
  private final LinkFollower follower;
  private final WebView web = new WebView();
  private final MarkdownHtml html;
  private long shownVersion;
  private final java.util.function.Supplier<String> folder;

  ReadingView(AppContext context, LinkFollower follower, MarkdownHtml html, java.util.function.Supplier<String> folder) {
    this.context = context;
    this.folder = folder;
    this.follower = follower;
    this.html = html;
    web.setContextMenuEnabled(false);
    web.getStyleClass().add("reading-view");
    org.rhizome.ui.preview.LinkPreview.install(context, web, folder); // hover a link: its target's start
    web.getEngine().getLoadWorker().stateProperty().addListener((obs, old, state) -> {
      if (state == Worker.State.SUCCEEDED) {
        interceptLinks();
      }
    });
  }

  Node node() {
    return web;
  }

  WebView web() {
    return web;
  }

  /** Renders {@code markdown} (in the background) and shows it. */
  void show(String markdown, boolean dark) {
    long version = ++shownVersion;
    int fontSize = context.settings().editorFontSize().get();
    context.background().load(() -> html.page(markdown, ReadingStyle.css(dark, fontSize)), page -> {
      if (version == shownVersion) {
        web.getEngine().loadContent(page);
      }
    }, "Could not render the note");
  }

  private void interceptLinks() {
    var doc = web.getEngine().getDocument();
    if (doc == null) {
      return;
    }
    ((EventTarget) doc).addEventListener("click", event -> {
      Object target = event.getTarget();
      Element anchor = enclosingAnchor(target);
      if (anchor == null) {
        return;
      }
      event.preventDefault();
      MarkdownHtml.wikiTarget(anchor.getAttribute("href")).ifPresent(t -> follower.follow(folder.get(), t));
    }, true);
  }

  private static Element enclosingAnchor(Object node) {
    org.w3c.dom.Node n = node instanceof org.w3c.dom.Node dom ? dom : null;
    while (n != null) {
      if (n instanceof Element e && "a".equalsIgnoreCase(e.getTagName())) {
        return e;
      }
      n = n.getParentNode();
    }
    return null;
  }
}
