package org.rhizome.ui.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Supplier;
import javafx.concurrent.Worker;
import javafx.scene.Node;
import javafx.scene.web.WebView;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.render.Anchors;
import org.rhizome.ui.render.HtmlPage;
import org.rhizome.ui.render.ObsidianMarkdown;
import org.rhizome.ui.render.PageAssets;
import org.rhizome.ui.render.PagePatch;
import org.rhizome.ui.render.RenderedNote;
import org.rhizome.ui.workbench.AppContext;
import org.rhizome.ui.workbench.ChangedNotes;
import org.w3c.dom.Element;
import org.w3c.dom.events.EventTarget;

/**
 * The rendered view of a note: Obsidian Flavored Markdown as HTML in a {@link WebView}, loaded from
 * the {@link ReadingCache} (no network). Links to notes open them (at their heading or block),
 * unresolved ones create the note, same-page anchors scroll, files and web links go to the system;
 * a task's checkbox edits its one character through the editor; embedded notes render again when
 * they change. The HTML is built in the background; the page's colours follow the theme; the scroll
 * position is kept across renders.
 *
 * <p>FX thread only. The WebView is heavy, so a tab builds it only when first switched to reading.
 */
final class ReadingView {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReadingView.class);

  /**
   * Changes one task's state character at an offset of the note's text (through the editor, so it
   * syncs and shows in history).
   */
  interface TaskToggler {
    void toggle(int offset, char expected, char replacement);
  }

  private final AppContext context;
  private final LinkFollower follower;
  private final WebView web = ReadingWarmUp.webView();
  private final MarkdownHtml html;
  private final Soul soul;
  private final Supplier<String> folder;
  private final TaskToggler toggler;
  private final AutoCloseable changes;
  private long shownVersion;
  private String lastMarkdown = "";
  private boolean lastDark;
  private Set<String> embedded = Set.of();
  private @Nullable Path shownPage;
  private double keepScroll;
  private @Nullable String pendingAnchor;
  private final org.w3c.dom.events.EventListener clicks = this::onClick;
  private final QueryBoardDrag boardDrag;
  private @Nullable Runnable onLoaded;

  /** The page shown holds only the note's start; its rest is to be handed over once rendered. */
  private boolean awaitingRest;

  private boolean pageLoaded;
  private @Nullable Rest rest;

  /** The render under way, if any (FX thread): {@link #show} waits for it. */
  private java.util.concurrent.@Nullable CompletableFuture<?> inFlight;

  /** The text changed while a render was under way: render it once that one ends. */
  private boolean showAgain;

  /** Failed loads of the page shown in a row (it is loaded again twice, then a message shows). */
  private int loadFailures;

  /** The page in the engine now was handled as ready ({@link #pageReady}), loaded or not. */
  private boolean currentReady;

  /** The load under way is stuck: the next page is loaded over it, not after it. */
  private boolean forceLoad;

  /** A page to load once the load under way has ended ({@link #startLoad}). */
  private @Nullable Path queuedPage;

  /** Counts loads started, so a stuck-load timer knows whether its load is still the last. */
  private long loadAttempt;

  /** Renders the rest once the start is on screen (before, it competed with WebKit for the CPU). */
  private @Nullable Runnable restToRender;

  /**
   * The whole note as the page holds it now (null while it holds only a start or loads): an edit is
   * shown by patching it ({@link PagePatch}) instead of loading a new page.
   */
  private @Nullable RenderedNote onPage;

  /** What the page's scripts can draw (the features of what it loaded and was handed). */
  private Set<RenderedNote.Feature> pageFeatures = Set.of();

  private boolean pageDark;
  private int pageFontSize;

  /** The whole note of the page being loaded, when that page holds all of it. */
  private @Nullable RenderedNote loadingWhole;

  /** A note's start as shown and the whole note, for the page's {@code rhizomeRest}. */
  private record Rest(RenderedNote start, RenderedNote whole, String base, boolean dark) {}

  ReadingView(
      AppContext context,
      LinkFollower follower,
      MarkdownHtml html,
      Soul soul,
      Supplier<String> folder,
      TaskToggler toggler) {
    this.context = context;
    this.folder = folder;
    this.follower = follower;
    this.html = html;
    this.soul = soul;
    this.toggler = toggler;
    this.boardDrag = new QueryBoardDrag(context);
    web.setContextMenuEnabled(false);
    web.getStyleClass().add("reading-view");
    org.rhizome.ui.editor.LinkPreview.install(
        context, web, folder); // hover a link: its target's start
    web.getEngine()
        .getLoadWorker()
        .stateProperty()
        .addListener(
            (obs, old, state) -> {
              boolean ended =
                  state == Worker.State.SUCCEEDED
                      || state == Worker.State.FAILED
                      || state == Worker.State.CANCELLED;
              if (ended && queuedPage != null) {
                // A newer page waited for this load to end (see startLoad).
                Path next = queuedPage;
                queuedPage = null;
                startLoad(next);
                return;
              }
              if (!isOwnPage()) {
                // Events of a page this view did not ask for (none, by construction: the warm-up's
                // load is ended before its WebView is handed over) are not this view's.
                return;
              }
              if (state == Worker.State.SUCCEEDED) {
                pageReady();
              } else if (state == Worker.State.FAILED && shownPage != null) {
                // The page file could not be loaded: again (it is on a local disk), then a
                // sentence rather than an empty view.
                if (++loadFailures <= 2) {
                  startLoad(shownPage);
                } else {
                  showProblem("The note could not be shown: its page failed to load.");
                }
              }
            });
    // Whenever the view comes (back) on screen, a few frames follow, so what WebKit drew while it
    // was off screen reaches the screen even if nothing else moves.
    web.sceneProperty().addListener((obs, was, is) -> ReadingPaintGuard.after(web));
    // An embedded note changed: render again (this note's own changes come through its tab). A note
    // with a query block renders again on any change while it is shown: any note may enter its
    // result.
    this.changes =
        context.onChanges(
            event -> {
              boolean queries =
                  web.getScene() != null && web.isVisible() && QueryBlocks.present(lastMarkdown);
              if (queries
                  || !embedded.isEmpty()
                      && ChangedNotes.of(event).stream()
                          .anyMatch(s -> embedded.contains(s.value()))) {
                show(lastMarkdown, lastDark);
              }
            });
  }

  Node node() {
    return web;
  }

  /**
   * Runs {@code r} each time a page has loaded (its scripts run) or an edit was patched into the
   * page, on the FX thread.
   */
  void onLoaded(@Nullable Runnable r) {
    this.onLoaded = r;
  }

  WebView web() {
    return web;
  }

  /**
   * Renders {@code markdown} (in the background) and shows it. A long note's start is rendered and
   * shown first, its rest handed to the page once rendered ({@link ObsidianMarkdown#renderStart});
   * when this view shows a note again (an edit), both are rendered (mostly from the block cache)
   * before the page loads, so the place kept is reached at once.
   */
  void show(String markdown, boolean dark) {
    lastMarkdown = markdown;
    lastDark = dark;
    if (inFlight != null) {
      // One render at a time; the text as it is when it ends is rendered next. (Dropping every
      // render that a newer edit overtook left a view under a busy writer never updated.)
      showAgain = true;
      return;
    }
    long version = ++shownVersion;
    int fontSize = context.settings().editorFontSize().get();
    String from = folder.get();
    var links = MarkdownHtml.links(context.workspace());
    ObsidianMarkdown md = html.markdown();
    RenderedNote base = onPage;
    if (base != null
        && pageLoaded
        && !awaitingRest
        && pageDark == dark
        && pageFontSize == fontSize) {
      patch(version, base, markdown, dark, fontSize, from, links, md);
    } else {
      load(version, markdown, dark, fontSize, from, links, md);
    }
  }

  /**
   * Shows an edit in the page as it is: renders the whole note (all but the runs the edit touched
   * come from the block cache) and replaces only the segments that differ ({@link PagePatch}); the
   * scroll position stays as it is. Loads a new page instead when the page cannot take the patch
   * (it changed meanwhile, or the note now needs a script the page lacks).
   */
  private void patch(
      long version,
      RenderedNote base,
      String markdown,
      boolean dark,
      int fontSize,
      String from,
      org.rhizome.ui.render.RenderLinks links,
      ObsidianMarkdown md) {
    track(
        context
            .background()
            .load(
                () -> {
                  RenderedNote next = md.render(markdown, soul.value(), from, links);
                  return new Patched(next, PagePatch.between(base, next));
                },
                patched -> {
                  if (version != shownVersion) {
                    return;
                  }
                  if (onPage != base
                      || !pageLoaded
                      || !pageFeatures.containsAll(patched.next().features())
                      || !applied(patched.patch())) {
                    load(version, markdown, dark, fontSize, from, links, md);
                    return;
                  }
                  onPage = patched.next();
                  embedded = patched.next().embeddedNotes();
                  if (onLoaded != null) {
                    onLoaded.run();
                  }
                },
                "Could not render the note"));
  }

  /**
   * Marks {@code render} as the one under way; once it has ended (its result shown, or its failure
   * reported), the text that came meanwhile is shown.
   */
  private void track(java.util.concurrent.CompletableFuture<?> render) {
    inFlight = render;
    render.whenComplete(
        (v, e) ->
            javafx.application.Platform.runLater(
                () -> {
                  if (inFlight != render) {
                    return; // a patch fell back to a load, which is under way now
                  }
                  inFlight = null;
                  if (showAgain) {
                    showAgain = false;
                    show(lastMarkdown, lastDark);
                  }
                }));
  }

  private record Patched(RenderedNote next, PagePatch patch) {}

  /** Hands a patch to the page script; false when it could not apply it. */
  private boolean applied(PagePatch patch) {
    if (patch.isEmpty()) {
      return true;
    }
    try {
      Object window = web.getEngine().executeScript("window");
      if (window instanceof netscape.javascript.JSObject js) {
        return Boolean.TRUE.equals(
            js.call("rhizomePatch", patch.first(), patch.count(), patch.html(), patch.shift()));
      }
    } catch (RuntimeException e) {
      log.debug("could not patch the page", e);
    }
    return false;
  }

  /** Renders the note and loads it as a new page (see {@link #show}). */
  private void load(
      long version,
      String markdown,
      boolean dark,
      int fontSize,
      String from,
      org.rhizome.ui.render.RenderLinks links,
      ObsidianMarkdown md) {
    boolean startFirst = shownPage == null;
    java.util.concurrent.CompletableFuture<Shown> render =
        context
            .background()
            .load(
                () -> {
                  ObsidianMarkdown.Start start =
                      md.renderStart(markdown, soul.value(), from, links);
                  RenderedNote whole =
                      start.whole()
                          ? start.note()
                          : startFirst ? null : md.render(markdown, soul.value(), from, links);
                  ReadingCache cache = ReadingCache.get();
                  String base = cache.base();
                  Path page =
                      cache.writePage(
                          start.whole()
                              ? HtmlPage.reading(start.note(), dark, fontSize, base)
                              : HtmlPage.readingStart(start.note(), dark, fontSize, base));
                  return new Shown(start.note(), whole, start.whole(), page, base);
                },
                shown -> {
                  if (version != shownVersion) {
                    deleteQuietly(shown.page());
                    return;
                  }
                  RenderedNote known = shown.whole() != null ? shown.whole() : shown.start();
                  embedded = known.embeddedNotes();
                  keepScroll = currentScroll();
                  Path previous = shownPage;
                  shownPage = shown.page();
                  awaitingRest = !shown.isWhole();
                  rest =
                      awaitingRest && shown.whole() != null
                          ? new Rest(shown.start(), shown.whole(), shown.base(), dark)
                          : null;
                  pageLoaded = false;
                  onPage = null;
                  loadingWhole = shown.isWhole() ? shown.start() : null;
                  pageDark = dark;
                  pageFontSize = fontSize;
                  // Set before the load starts: whatever the load's events do, they find it.
                  restToRender =
                      awaitingRest && rest == null
                          ? () -> renderRest(version, md, markdown, from, links, shown, dark)
                          : null;
                  loadFailures = 0;
                  startLoad(shown.page());
                  if (previous != null && previous != queuedPage) {
                    deleteQuietly(previous);
                  }
                },
                "Could not render the note");
    track(render);
    render.exceptionally(
        e -> {
          if (e instanceof java.util.concurrent.CancellationException
              || e.getCause() instanceof java.util.concurrent.CancellationException) {
            return null; // the window closed
          }
          // Reported by the executor; the view says so instead of staying empty.
          javafx.application.Platform.runLater(
              () -> {
                if (version == shownVersion && !pageLoaded) {
                  showProblem("The note could not be rendered. Switch to the source (Ctrl+E).");
                }
              });
          return null;
        });
  }

  /**
   * Loads {@code page} — once the load under way, if any, has ended: a page loaded over a load in
   * progress (WebKit cancelling it mid-way) could stay loading for ever, the view blank. A load
   * still running after {@link #STUCK_SECONDS} is started again (twice), then a sentence shows.
   */
  private void startLoad(Path page) {
    Worker<Void> worker = web.getEngine().getLoadWorker();
    if (worker.isRunning()) {
      if (!currentReady && !forceLoad) {
        Path dropped = queuedPage;
        queuedPage = page;
        if (dropped != null && dropped != page) {
          deleteQuietly(dropped);
        }
        return;
      }
      // The page shown is ready but some part of it never finished loading: it is replaced.
      worker.cancel();
    }
    currentReady = false;
    forceLoad = false;
    web.getEngine().load(page.toUri().toString());
    long attempt = ++loadAttempt;
    javafx.animation.Timeline watch = new javafx.animation.Timeline();
    int[] checks = {0};
    watch
        .getKeyFrames()
        .add(
            new javafx.animation.KeyFrame(
                javafx.util.Duration.seconds(STUCK_SECONDS),
                e -> {
                  if (attempt != loadAttempt || !worker.isRunning() || currentReady) {
                    watch.stop();
                    return;
                  }
                  if (queuedPage == null && page == shownPage && documentReady()) {
                    // Shown and scripted; only a subresource (a font, say) hangs: go on.
                    watch.stop();
                    pageReady();
                    return;
                  }
                  if (++checks[0] < 3) {
                    return; // a big page on a busy machine: a little longer
                  }
                  watch.stop();
                  log.debug("the reading view's page did not finish loading; rendering again");
                  if (++loadFailures <= 2) {
                    // A new page (new addresses, not the ones stuck), loaded over this one.
                    worker.cancel();
                    Path waiting = queuedPage;
                    queuedPage = null;
                    if (waiting != null) {
                      deleteQuietly(waiting);
                    }
                    forceLoad = true;
                    pageLoaded = false;
                    onPage = null;
                    awaitingRest = false;
                    rest = null;
                    if (inFlight == null) {
                      show(lastMarkdown, lastDark);
                    } else {
                      showAgain = true;
                    }
                  } else {
                    showProblem("The note could not be shown: its page did not finish loading.");
                  }
                }));
    watch.setCycleCount(3);
    watch.play();
  }

  /**
   * Seconds between checks of a page still loading: ready (then used as loaded) or, after three
   * checks, taken as stuck and loaded again. A 280 KB note's page loads in about one.
   */
  private static final int STUCK_SECONDS = 2;

  /**
   * The page loaded last is there with its script run: hands it what comes next (the rest of the
   * note, the place to scroll to). Once per load: on its SUCCEEDED, or when the page is found ready
   * while its load still runs (a subresource that never ends, see {@link #startLoad}).
   */
  private void pageReady() {
    if (currentReady) {
      return;
    }
    currentReady = true;
    loadFailures = 0;
    interceptClicks();
    pageLoaded = true;
    onPage = awaitingRest ? null : loadingWhole;
    pageFeatures = onPage != null ? onPage.features() : Set.of();
    if (restToRender != null) {
      Runnable r = restToRender;
      restToRender = null;
      afterFrames(2, r);
    }
    if (!awaitingRest) {
      placeView();
    } else if (rest != null) {
      giveRest();
    }
    ReadingPaintGuard.after(web);
    if (onLoaded != null) {
      onLoaded.run();
    }
  }

  /** True when the page's document is parsed and its script has run (whatever the load state). */
  private boolean documentReady() {
    try {
      return web.getEngine().getDocument() != null
          && Boolean.TRUE.equals(
              web.getEngine()
                  .executeScript(
                      "document.readyState !== 'loading' && typeof window.rhizomeRest"
                          + " === 'function'"));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** True when the engine's page is the one this view loaded last. */
  private boolean isOwnPage() {
    Path page = shownPage;
    String location = web.getEngine().getLocation();
    return page != null
        && location != null
        && location.endsWith("/" + page.getFileName().toString());
  }

  /** A sentence in place of the note (a page of its own, not the view's: no patch goes there). */
  private void showProblem(String sentence) {
    Path page = shownPage;
    shownPage = null;
    pageLoaded = false;
    onPage = null;
    if (page != null) {
      deleteQuietly(page);
    }
    queuedPage = null;
    if (web.getEngine().getLoadWorker().isRunning()) {
      web.getEngine().getLoadWorker().cancel();
    }
    web.getEngine()
        .loadContent(
            "<!DOCTYPE html><html><body style=\"font-family:sans-serif;padding:2em\"><p>"
                + org.rhizome.ui.render.Html.escape(sentence)
                + "</p></body></html>");
  }

  private record Shown(
      RenderedNote start, @Nullable RenderedNote whole, boolean isWhole, Path page, String base) {}

  /** The whole note after its start is on its way to the screen; handed over once both are in. */
  private void renderRest(
      long version,
      ObsidianMarkdown md,
      String markdown,
      String from,
      org.rhizome.ui.render.RenderLinks links,
      Shown shown,
      boolean dark) {
    context
        .background()
        .load(
            () -> md.render(markdown, soul.value(), from, links),
            whole -> {
              if (shown.page() != shownPage || !awaitingRest) {
                return; // another page is shown now, or this one has its rest
              }
              embedded = whole.embeddedNotes();
              rest = new Rest(shown.start(), whole, shown.base(), dark);
              if (pageLoaded) {
                giveRest();
              }
            },
            "Could not render the note");
  }

  /**
   * Hands the rest of the note to the page (after what it shows, or instead of it when the start
   * rendered alone differs: a footnote defined further down), then goes where the view was to go.
   */
  private void giveRest() {
    Rest r = rest;
    rest = null;
    awaitingRest = false;
    if (r == null) {
      return;
    }
    String start = HtmlPage.marked(r.start());
    String all = HtmlPage.marked(r.whole());
    boolean follows = all.startsWith(start);
    try {
      Object window = web.getEngine().executeScript("window");
      if (window instanceof netscape.javascript.JSObject js) {
        js.call(
            "rhizomeRest",
            follows ? all.substring(start.length()) : all,
            !follows,
            PageAssets.missing(r.start().features(), r.whole().features(), r.base(), r.dark()));
        onPage = r.whole();
        var features = java.util.EnumSet.noneOf(RenderedNote.Feature.class);
        features.addAll(r.start().features());
        features.addAll(r.whole().features());
        pageFeatures = features;
      }
    } catch (RuntimeException e) {
      // The page has no script (it failed to load): it keeps showing the start.
      log.debug("could not hand the rest of the note to the page", e);
    }
    placeView();
  }

  /**
   * Runs {@code r} on the FX thread after {@code frames} more frames: the rest of a long note is
   * rendered once its start is painted (rendering it at once, on both cores, slowed WebKit's first
   * paint).
   */
  private static void afterFrames(int frames, Runnable r) {
    new javafx.animation.AnimationTimer() {
      private int seen;

      @Override
      public void handle(long now) {
        if (++seen >= frames) {
          stop();
          r.run();
        }
      }
    }.start();
  }

  /** Scrolls to the anchor asked for, or back to where the view was before it rendered again. */
  private void placeView() {
    if (pendingAnchor != null) {
      scrollTo(pendingAnchor);
      pendingAnchor = null;
    } else if (keepScroll > 0) {
      // The page moves its rest in after the start: enough of it first to get there.
      web.getEngine()
          .executeScript(
              "(window.rhizomeScrollTo || function (y) { window.scrollTo(0, y); })("
                  + keepScroll
                  + ")");
    }
  }

  /**
   * Scrolls to a heading (by its text or id) or a block ({@code ^id}); waits for the page if it is
   * loading.
   */
  void reveal(String fragment) {
    if (pageLoaded && web.getEngine().getDocument() != null && !awaitingRest) {
      scrollTo(fragment);
    } else {
      pendingAnchor = fragment;
    }
  }

  private void scrollTo(String fragment) {
    var doc = web.getEngine().getDocument();
    if (doc == null || fragment.isEmpty()) {
      return;
    }
    Element target = find(doc, fragment);
    if (target == null) {
      // It may be in the part of a long note the page has not moved in yet.
      web.getEngine().executeScript("window.rhizomeAll && window.rhizomeAll()");
      target = find(doc, fragment);
    }
    if (target != null) {
      web.getEngine()
          .executeScript(
              "(function(){var e=document.getElementById('"
                  + jsString(target.getAttribute("id"))
                  + "');if(e){e.scrollIntoView();}})()");
    }
  }

  private static @Nullable Element find(org.w3c.dom.Document doc, String fragment) {
    Element target = doc.getElementById(fragment);
    if (target == null && !fragment.startsWith("^")) {
      target = doc.getElementById(Anchors.slug(fragment.substring(fragment.lastIndexOf('#') + 1)));
    }
    return target;
  }

  private double currentScroll() {
    if (web.getEngine().getDocument() == null) {
      return 0;
    }
    Object y = web.getEngine().executeScript("window.scrollY");
    return y instanceof Number n ? n.doubleValue() : 0;
  }

  private void interceptClicks() {
    var doc = web.getEngine().getDocument();
    if (doc == null) {
      return;
    }
    // Held in a field: WebKit keeps only a weak reference to a listener added from Java.
    ((EventTarget) doc).addEventListener("click", clicks, true);
    boardDrag.attach(doc); // cards of a ```query board move between its columns
  }

  private void onClick(org.w3c.dom.events.Event event) {
    Element box = enclosing(event.getTarget(), "input");
    if (box != null
        && box.getAttribute("class") != null
        && box.getAttribute("class").contains("task-list-item-checkbox")) {
      event.preventDefault();
      String offset = box.getAttribute("data-offset");
      String state = box.getAttribute("data-task");
      if (offset != null && !offset.isEmpty() && state != null && state.length() == 1) {
        char now = state.charAt(0);
        toggler.toggle(Integer.parseInt(offset), now, now == ' ' ? 'x' : ' ');
      }
      return;
    }
    if (box != null && box.hasAttribute("data-soul") && box.hasAttribute("data-line")) {
      // A task in a query result: ticked in its own note, as one small text edit.
      event.preventDefault();
      String soulValue = box.getAttribute("data-soul");
      String line = box.getAttribute("data-line");
      if (Soul.isValid(soulValue) && line.matches("\\d{1,9}")) {
        context
            .background()
            .reportFailure(
                context
                    .workspace()
                    .toggleTaskAsync(
                        new Soul(soulValue),
                        Integer.parseInt(line),
                        org.rhizome.ui.query.TaskTicks.doneOn(context.settings())),
                "Could not tick the task");
      }
      return;
    }
    Element anchor = enclosing(event.getTarget(), "a");
    if (anchor == null) {
      return;
    }
    event.preventDefault();
    MarkdownHtml.parse(anchor.getAttribute("href")).ifPresent(this::follow);
  }

  private void follow(MarkdownHtml.Href href) {
    if (href instanceof MarkdownHtml.Anchor a) {
      scrollTo(a.id());
    } else if (href instanceof MarkdownHtml.OpenNote n && Soul.isValid(n.soul())) {
      follower.open(new Soul(n.soul()), n.fragment());
    } else if (href instanceof MarkdownHtml.CreateNote c) {
      follower.follow(folder.get(), c.target());
    } else if (href instanceof MarkdownHtml.External e) {
      follower.openExternally(e.url());
    }
  }

  /** Stops listening for changes (the tab closes). */
  void close() {
    try {
      changes.close();
    } catch (Exception e) {
      // Closing a subscription does not fail in practice; nothing to keep.
    }
    if (shownPage != null) {
      deleteQuietly(shownPage);
    }
  }

  private static void deleteQuietly(Path page) {
    try {
      Files.deleteIfExists(page);
    } catch (IOException e) {
      // A temp file; the folder goes at exit.
    }
  }

  private static String jsString(String s) {
    return s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n");
  }

  private static @Nullable Element enclosing(Object node, String tag) {
    org.w3c.dom.Node n = node instanceof org.w3c.dom.Node dom ? dom : null;
    while (n != null) {
      if (n instanceof Element e && tag.equalsIgnoreCase(e.getTagName())) {
        return e;
      }
      n = n.getParentNode();
    }
    return null;
  }
}
