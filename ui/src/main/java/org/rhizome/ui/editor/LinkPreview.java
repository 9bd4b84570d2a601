package org.rhizome.ui.editor;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebView;
import javafx.stage.Popup;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.query.LinkDestination;
import org.rhizome.ui.workbench.AppContext;
import org.w3c.dom.Element;
import org.w3c.dom.events.EventTarget;

/**
 * Obsidian's page preview: hovering a link shows the start of what it reaches in a popup — a note
 * rendered as in the reading view ({@link MarkdownHtml}), a picture, or a line saying the target
 * does not exist yet. In the editor it takes Ctrl/Cmd-hover (plain hovering is for reading the
 * text); in the reading view a plain hover for {@value #DELAY_MS} ms. The target is read and
 * rendered in the background; moving off the link hides it.
 *
 * <p>FX thread only.
 */
public final class LinkPreview {
  static final int DELAY_MS = 400;

  /** Marks a hovered target that is a note's soul, not a name (no title can start with it). */
  private static final String SOUL_MARK = "\u0000soul:";

  private static final double WIDTH = 440;
  private static final double HEIGHT = 300;
  private static final String FRAME =
      " -fx-border-radius: 6; -fx-background-radius: 6;"
          + " -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 12, 0, 0, 3);";

  private final AppContext context;
  private final Popup popup = new Popup();
  private final StackPane box = new StackPane();
  private final PauseTransition delay = new PauseTransition(Duration.millis(DELAY_MS));
  private @Nullable WebView web;
  private @Nullable MarkdownHtml html;
  private String pending = "";
  private String shownFor = "";
  private long generation;

  private final Node owner;

  private LinkPreview(AppContext context, Node owner) {
    this.context = context;
    this.owner = owner;
    box.getStyleClass().add("link-preview");
    box.setPadding(new Insets(6));
    box.setStyle("-fx-background-color: #ffffff; -fx-border-color: #d0d7de;" + FRAME);
    box.setPrefSize(WIDTH, HEIGHT);
    box.setMaxSize(WIDTH, HEIGHT);
    popup.getContent().add(box);
    popup.setAutoHide(true);
    popup.setHideOnEscape(true);
  }

  /** Ctrl/Cmd-hover previews on a note editor. */
  public static LinkPreview install(
      AppContext context, NoteEditorView editor, Supplier<String> folder) {
    LinkPreview preview = new LinkPreview(context, editor.area());
    editor
        .area()
        .addEventHandler(
            MouseEvent.MOUSE_MOVED,
            e -> {
              if (!e.isShortcutDown()) {
                preview.cancel();
                return;
              }
              int offset = editor.area().hit(e.getX(), e.getY()).getInsertionIndex();
              Optional<String> target = editor.linkAt(offset).map(l -> l.target());
              if (target.isEmpty()) {
                preview.cancel();
              } else {
                preview.hoverOver(folder.get(), target.get(), "", e.getScreenX(), e.getScreenY());
              }
            });
    editor.area().addEventHandler(MouseEvent.MOUSE_EXITED, e -> preview.cancel());
    return preview;
  }

  /** Plain-hover previews on the reading view's wikilinks. */
  public static LinkPreview install(AppContext context, WebView reading, Supplier<String> folder) {
    LinkPreview preview = new LinkPreview(context, reading);
    Point2D[] mouse = {Point2D.ZERO};
    reading.addEventHandler(
        MouseEvent.MOUSE_MOVED, e -> mouse[0] = new Point2D(e.getScreenX(), e.getScreenY()));
    reading.addEventHandler(MouseEvent.MOUSE_EXITED, e -> preview.cancel());
    reading
        .getEngine()
        .getLoadWorker()
        .stateProperty()
        .addListener(
            (obs, old, state) -> {
              if (state != Worker.State.SUCCEEDED || reading.getEngine().getDocument() == null) {
                return;
              }
              EventTarget doc = (EventTarget) reading.getEngine().getDocument();
              doc.addEventListener(
                  "mouseover",
                  ev -> {
                    Element a = anchor(ev.getTarget());
                    String href = a == null ? null : a.getAttribute("href");
                    Optional<MarkdownHtml.PreviewTarget> target =
                        href == null ? Optional.empty() : MarkdownHtml.previewTarget(href);
                    if (target.isPresent()) {
                      MarkdownHtml.PreviewTarget t = target.get();
                      // A link to an existing note carries its soul: previewed by soul, whatever
                      // its name.
                      String name = t.soul().map(soul -> SOUL_MARK + soul).orElse(t.target());
                      preview.hoverOver(
                          folder.get(), name, t.fragment(), mouse[0].getX(), mouse[0].getY());
                    }
                  },
                  false);
              doc.addEventListener(
                  "mouseout",
                  ev -> {
                    if (anchor(ev.getTarget()) != null) {
                      preview.cancel();
                    }
                  },
                  false);
            });
    return preview;
  }

  /**
   * Shows the preview of {@code target} near the screen point after the hover delay (again for the
   * same link: nothing).
   */
  public void hoverOver(
      String folder, String target, String heading, double screenX, double screenY) {
    String key = folder + '\0' + target + '\0' + heading;
    if (key.equals(pending) || popup.isShowing() && key.equals(shownFor)) {
      return;
    }
    pending = key;
    delay.setOnFinished(e -> show(folder, target, heading, screenX, screenY));
    delay.playFromStart();
  }

  /** Stops a pending preview and hides the shown one. */
  public void cancel() {
    delay.stop();
    pending = "";
    shownFor = "";
    generation++;
    popup.hide();
  }

  /** True while a preview is shown (for tests). */
  public boolean isShowing() {
    return popup.isShowing();
  }

  /** What the popup shows (for tests). */
  Node content() {
    return box;
  }

  /**
   * Reads and renders the target in the background, then shows the popup at the point (FX thread).
   */
  public void show(String folder, String target, String heading, double screenX, double screenY) {
    long mine = ++generation;
    String key = folder + '\0' + target + '\0' + heading;
    MarkdownHtml renderer = html != null ? html : (html = new MarkdownHtml());
    boolean dark = isDark();
    context
        .background()
        .load(
            () -> {
              LinkDestination d =
                  target.startsWith(SOUL_MARK)
                      ? noteBySoul(target.substring(SOUL_MARK.length()))
                      : context.workspace().linkDestination(folder, target);
              if (d instanceof LinkDestination.ToNote n) {
                String body =
                    context.workspace().findNote(n.note().soul()).map(x -> x.body()).orElse("");
                String start = PreviewContent.startOf(body, heading);
                // The title as a heading, unless the text starts with it already (as many notes
                // do).
                boolean titled =
                    start
                        .stripLeading()
                        .toLowerCase(java.util.Locale.ROOT)
                        .startsWith("# " + n.note().title().toLowerCase(java.util.Locale.ROOT));
                return (Object)
                    renderer.previewPage(
                        context.workspace(),
                        n.note().folder(),
                        titled ? start : "# " + n.note().title() + "\n\n" + start,
                        dark);
              }
              if (d instanceof LinkDestination.ToAttachment a
                  && a.attachment().mime().startsWith("image/")) {
                Optional<byte[]> bytes = context.workspace().attachmentBytes(a.attachment());
                return bytes.isPresent()
                    ? (Object) new Image(new ByteArrayInputStream(bytes.get()))
                    : (Object) a.attachment().name();
              }
              if (d instanceof LinkDestination.ToAttachment a) {
                return (Object)
                    (a.attachment().name()
                        + " — "
                        + a.attachment().mime()
                        + ", "
                        + a.attachment().size()
                        + " bytes");
              }
              return (Object)
                  (((LinkDestination.Missing) d).file()
                      ? "No attachment \"" + target + "\" in this workspace."
                      : "No note \"" + target + "\" yet; following the link creates it.");
            },
            shown -> {
              if (mine != generation) {
                return;
              }
              if (shown instanceof String page && page.startsWith("<!DOCTYPE")) {
                WebView w = webView();
                w.getEngine().loadContent(page);
                box.getChildren().setAll(w);
              } else if (shown instanceof Image img && !img.isError()) {
                ImageView view = new ImageView(img);
                view.setPreserveRatio(true);
                view.setFitWidth(Math.min(WIDTH - 12, img.getWidth()));
                view.setFitHeight(Math.min(HEIGHT - 12, img.getHeight()));
                box.getChildren().setAll(view);
              } else {
                Label l = new Label(String.valueOf(shown instanceof Image ? target : shown));
                l.setWrapText(true);
                l.getStyleClass().add("text-muted");
                box.getChildren().setAll(l);
              }
              // The popup's scene does not see the window's theme variables: colour it here.
              box.setStyle(
                  dark
                      ? "-fx-background-color: #0d1117; -fx-border-color: #30363d;" + FRAME
                      : "-fx-background-color: #ffffff; -fx-border-color: #d0d7de;" + FRAME);
              shownFor = key;
              pending = "";
              var window = ownerWindow();
              if (window != null) {
                popup.show(window, screenX + 12, screenY + 16);
              }
            },
            "Could not preview \"" + target + "\"");
  }

  /** The note with this soul as a link destination (missing if it was deleted meanwhile). */
  private LinkDestination noteBySoul(String soul) throws org.rhizome.graph.api.StoreException {
    if (!org.rhizome.graph.model.Soul.isValid(soul)) {
      return new LinkDestination.Missing(soul, false);
    }
    return context
        .workspace()
        .findNote(new org.rhizome.graph.model.Soul(soul))
        .<LinkDestination>map(
            n ->
                new LinkDestination.ToNote(
                    new org.rhizome.graph.query.NoteRef(
                        n.soul(), n.title(), n.created(), n.modified(), n.folder())))
        .orElseGet(() -> new LinkDestination.Missing(soul, false));
  }

  private WebView webView() {
    if (web == null) {
      web = new WebView();
      web.setContextMenuEnabled(false);
      web.setPrefSize(WIDTH - 12, HEIGHT - 12);
      web.setMouseTransparent(false);
    }
    return web;
  }

  private javafx.stage.@Nullable Window ownerWindow() {
    return owner.getScene() == null ? null : owner.getScene().getWindow();
  }

  private boolean isDark() {
    var owner = ownerWindow();
    return owner != null
        && owner.getScene() != null
        && owner.getScene().getRoot().getStyleClass().contains("dark");
  }

  private static @Nullable Element anchor(Object node) {
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
