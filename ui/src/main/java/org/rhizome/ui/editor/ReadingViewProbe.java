package org.rhizome.ui.editor;

import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.workbench.AppContext;

/**
 * A reading view on its own, as a note's tab makes it (same renderer, cache, WebView and page
 * scripts), for {@code rhizome bench render --webview} to time what a person waits for: from
 * switching to reading until the page has loaded with its scripts run. FX thread only.
 */
public final class ReadingViewProbe {
  private final ReadingView view;
  private CompletableFuture<Void> loaded = new CompletableFuture<>();

  public ReadingViewProbe(AppContext context, Soul soul) {
    this.view =
        new ReadingView(
            context,
            new LinkFollower(context),
            new MarkdownHtml(),
            soul,
            () -> "",
            (offset, expected, replacement) -> {});
    view.onLoaded(() -> loaded.complete(null));
  }

  public Node node() {
    return view.node();
  }

  /**
   * Shows {@code markdown} as switching to reading (or an edit) does; completes on the FX thread
   * once the page has loaded, or the edit was patched into the page shown.
   */
  public CompletableFuture<Void> show(String markdown, boolean dark) {
    loaded = new CompletableFuture<>();
    view.show(markdown, dark);
    return loaded;
  }

  /**
   * Completes on the FX thread once the page holds the whole note (a long note's rest moved in:
   * {@code HtmlPage.reading}); checked every 10 ms.
   */
  public CompletableFuture<Void> whole() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    javafx.animation.Timeline poll = new javafx.animation.Timeline();
    poll.getKeyFrames()
        .add(
            new javafx.animation.KeyFrame(
                javafx.util.Duration.millis(10),
                e -> {
                  Object whole =
                      view.web()
                          .getEngine()
                          .executeScript("document.getElementById('rhizome-rest') === null");
                  if (Boolean.TRUE.equals(whole)) {
                    poll.stop();
                    done.complete(null);
                  }
                }));
    poll.setCycleCount(javafx.animation.Animation.INDEFINITE);
    poll.play();
    return done;
  }

  /** Stops listening for changes and deletes the page shown. */
  public void close() {
    view.close();
  }
}
