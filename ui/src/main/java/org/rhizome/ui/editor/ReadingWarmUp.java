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

  /** How long the window must have had no key or mouse input before the warm-up starts. */
  static final long IDLE_MILLIS = 2_000;

  /** How many warm-ups have started in this JVM (for tests). */
  static final java.util.concurrent.atomic.AtomicInteger STARTED =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Set once a reading view took its WebView: from then on a warm-up has nothing to ready. */
  private static boolean viewMade;

  /** As if no reading view had been made in this JVM (tests share one JVM). FX thread. */
  static void forgetReadingViews() {
    viewMade = false;
  }

  /**
   * Starts the warm-up once the person has left the window alone for {@link #IDLE_MILLIS} (FX
   * thread): it costs a second or more of CPU, which must not compete with the first clicks and
   * keys after start. Not at all once a reading view exists (it readied everything itself). The
   * future completes as {@link #startNow}'s does, or at once when the warm-up was not needed.
   */
  public static CompletableFuture<Void> start(AppContext context) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    long[] lastInput = {System.nanoTime()};
    javafx.event.EventHandler<javafx.scene.input.InputEvent> input =
        e -> lastInput[0] = System.nanoTime();
    java.util.List<javafx.scene.Scene> scenes = new java.util.ArrayList<>();
    for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
      if (w.getScene() != null) {
        scenes.add(w.getScene());
        w.getScene().addEventFilter(javafx.scene.input.InputEvent.ANY, input);
      }
    }
    javafx.animation.Timeline idle = new javafx.animation.Timeline();
    idle.getKeyFrames()
        .add(
            new javafx.animation.KeyFrame(
                javafx.util.Duration.millis(250),
                e -> {
                  boolean quiet = System.nanoTime() - lastInput[0] >= IDLE_MILLIS * 1_000_000;
                  if (!quiet && !viewMade) {
                    return;
                  }
                  idle.stop();
                  scenes.forEach(
                      s -> s.removeEventFilter(javafx.scene.input.InputEvent.ANY, input));
                  if (viewMade) {
                    done.complete(null);
                    return;
                  }
                  startNow(context)
                      .whenComplete(
                          (v, x) -> {
                            if (x != null) {
                              done.completeExceptionally(x);
                            } else {
                              done.complete(null);
                            }
                          });
                }));
    idle.setCycleCount(javafx.animation.Animation.INDEFINITE);
    idle.play();
    return done;
  }

  /**
   * Starts the warm-up now; the future completes (on the FX thread) when the spare WebView has
   * loaded its page, or exceptionally if a step failed (logged; nothing else to do).
   */
  public static CompletableFuture<Void> startNow(AppContext context) {
    STARTED.incrementAndGet();
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
                        ownAddresses(
                            HtmlPage.of("", withoutMermaid(small), false, 15, base, "", ""),
                            base,
                            "warm-up")));
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

  /**
   * The warmed WebView if there is one and its page has loaded (taken: the next call makes a new
   * one), else a new one. FX thread.
   */
  static WebView webView() {
    viewMade = true;
    WebView web = spare;
    if (web != null && web.getEngine().getLoadWorker().isRunning()) {
      // Still loading the warm-up page: a page loaded over a load under way could stay loading
      // for ever — the first reading view blank (ReadingViewBlankIT). It finishes as a spare.
      return new WebView();
    }
    spare = null;
    return web != null ? web : new WebView();
  }

  /**
   * The warm-up page with its scripts and styles at addresses of their own ({@code ?warm-up}): a
   * reading view loading the same script while the spare still loads it waited for the spare's
   * copy, and both stayed loading for ever (ReadingViewBlankIT) — the first reading view blank or
   * without its scripts.
   */
  static String ownAddresses(String page, String base, String token) {
    String assets = java.util.regex.Pattern.quote(base + org.rhizome.ui.render.PageAssets.DIR);
    return page.replaceAll("(\"" + assets + "/[^\"?]+\\.(?:js|css))\"", "$1?" + token + "\"");
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
