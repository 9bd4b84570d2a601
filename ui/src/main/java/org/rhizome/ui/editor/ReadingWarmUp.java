package org.rhizome.ui.editor;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.web.WebView;
import org.jspecify.annotations.Nullable;
import org.rhizome.ui.render.HtmlPage;
import org.rhizome.ui.render.ObsidianMarkdown;
import org.rhizome.ui.render.RenderLinks;
import org.rhizome.ui.render.RenderWarmUp;
import org.rhizome.ui.render.RenderedNote;
import org.rhizome.ui.workbench.AppContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readies the reading view once the window is up, so that the first big note a person reads in a
 * session is not also the one that pays for starting everything: on a thread of its own, the
 * bundled scripts are copied to the {@link ReadingCache} and the renderer is warmed ({@link
 * RenderWarmUp}); then, on the FX thread, one {@link WebView} is made (the first one starts WebKit)
 * and loads a small page with maths and code, and is kept for the first reading view that opens.
 *
 * <p>Nothing here is needed: if it fails or has not finished, the reading view does it all itself,
 * only slower. Mermaid's script is not loaded here (it is big and parsed again by every page that
 * uses it).
 */
public final class ReadingWarmUp {
  private static final Logger log = LoggerFactory.getLogger(ReadingWarmUp.class);

  /** The warmed WebView waiting for its reading view (FX thread only). */
  private static @Nullable WebView spare;

  private ReadingWarmUp() {}

  /**
   * Starts the warm-up; the future completes (on the FX thread) when the spare WebView has loaded
   * its page, or exceptionally if a step failed (logged; nothing else to do).
   */
  public static CompletableFuture<Void> start(AppContext context) {
    CompletableFuture<Path> rendered = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                ReadingCache cache = ReadingCache.get();
                String base = cache.base();
                RenderWarmUp.run(MarkdownHtml.links(context.workspace()), RenderWarmUp.RENDERS);
                RenderedNote small =
                    new ObsidianMarkdown()
                        .render(firstParts(RenderWarmUp.sample(0)), null, "", RenderLinks.NOWHERE);
                rendered.complete(
                    cache.writePage(
                        HtmlPage.of("", withoutMermaid(small), false, 15, base, "", "")));
              } catch (Exception | LinkageError e) {
                rendered.completeExceptionally(e);
              }
            },
            "rhizome-reading-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
    CompletableFuture<Void> done = new CompletableFuture<>();
    rendered.whenComplete(
        (page, e) -> {
          if (e != null) {
            log.debug("the reading view's warm-up failed", e);
            done.completeExceptionally(e);
            return;
          }
          Platform.runLater(() -> loadSpare(page, done));
        });
    return done;
  }

  private static void loadSpare(Path page, CompletableFuture<Void> done) {
    try {
      WebView web = spare != null ? spare : new WebView();
      spare = web;
      javafx.beans.value.ChangeListener<Worker.State> loaded =
          new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(
                javafx.beans.value.ObservableValue<? extends Worker.State> obs,
                Worker.State old,
                Worker.State state) {
              if (state == Worker.State.SUCCEEDED
                  || state == Worker.State.FAILED
                  || state == Worker.State.CANCELLED) {
                obs.removeListener(this);
                ReadingCache.deleteQuietly(page);
                done.complete(null);
              }
            }
          };
      web.getEngine().getLoadWorker().stateProperty().addListener(loaded);
      web.getEngine().load(page.toUri().toString());
    } catch (RuntimeException | LinkageError e) {
      log.debug("the reading view's warm-up failed", e);
      done.completeExceptionally(e);
    }
  }

  /** The warmed WebView if there is one (taken: the next call makes a new one). FX thread. */
  static WebView webView() {
    WebView web = spare;
    spare = null;
    return web != null ? web : new WebView();
  }

  /** The sample's first few parts (about 4 KB): WebKit is readied by a small page as well. */
  private static String firstParts(String sample) {
    int cut = sample.indexOf("\n## ", 4096);
    return cut < 0 ? sample : sample.substring(0, cut + 1);
  }

  private static RenderedNote withoutMermaid(RenderedNote note) {
    var features = java.util.EnumSet.noneOf(RenderedNote.Feature.class);
    features.addAll(note.features());
    features.remove(RenderedNote.Feature.MERMAID);
    return new RenderedNote(note.html(), features, note.linkedNotes(), note.embeddedNotes());
  }
}
