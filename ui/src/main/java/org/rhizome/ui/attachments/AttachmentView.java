package org.rhizome.ui.attachments;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.note.Attachment;
import org.rhizome.graph.query.Backlink;
import org.rhizome.ui.workbench.AppContext;

/**
 * An attachment in a tab: the picture itself for images JavaFX can decode (PNG, JPEG, GIF, BMP),
 * fitted to the tab or at 100 %; for other files their name, type and size with "Open with the
 * default app"; and the notes that link to it. The bytes are read and decoded in the background.
 *
 * <p>FX thread only.
 */
public final class AttachmentView {
  /** Media types {@link Image} decodes. */
  private static final List<String> DECODABLE =
      List.of("image/png", "image/jpeg", "image/gif", "image/bmp");

  private static final int MAX_BACKLINKS = 200;

  private final AppContext context;
  private final Attachment attachment;
  private final AttachmentOpener opener;
  private final BorderPane root = new BorderPane();
  private final StackPane centre = new StackPane();
  private final VBox backlinks = new VBox(4);
  private final ImageView image = new ImageView();
  private final ToggleButton actualSize = new ToggleButton("100 %");
  private final ScrollPane imageScroll = new ScrollPane();

  AttachmentView(AppContext context, Attachment attachment, AttachmentOpener opener) {
    this.context = context;
    this.attachment = attachment;
    this.opener = opener;
    root.getStyleClass().add("attachment-view");
    Label name = new Label(attachment.name());
    name.getStyleClass().add("title-3");
    Label where =
        new Label(
            (attachment.folder().isEmpty() ? "" : attachment.folder() + "/ · ")
                + attachment.mime()
                + " · "
                + humanSize(attachment.size()));
    where.getStyleClass().add("text-muted");
    Button open = new Button("Open with the default app");
    open.getStyleClass().add("small");
    open.setOnAction(e -> opener.openWithSystem(attachment));
    actualSize.getStyleClass().add("small");
    actualSize.setVisible(isImage());
    actualSize.selectedProperty().addListener((obs, was, is) -> fit());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox header = new HBox(10, new VBox(2, name, where), gap, actualSize, open);
    header.setAlignment(Pos.CENTER_LEFT);
    header.setPadding(new Insets(10, 16, 8, 16));
    header.getStyleClass().add("note-header");
    root.setTop(header);
    root.setCenter(centre);
    Label linkedFrom = new Label("Linked from");
    linkedFrom.getStyleClass().add("text-bold");
    VBox foot = new VBox(4, linkedFrom, backlinks);
    foot.setPadding(new Insets(8, 16, 12, 16));
    root.setBottom(foot);
    image.setPreserveRatio(true);
    image.setSmooth(true);
    imageScroll.setContent(new StackPane(image));
    imageScroll.setPannable(true);
    imageScroll.setFitToWidth(true); // centred while it fits; scrolls at 100 % when it does not
    imageScroll.setFitToHeight(true);
    imageScroll.getStyleClass().add("attachment-image");
    imageScroll.viewportBoundsProperty().addListener((obs, old, now) -> fit());
    centre.getChildren().setAll(new Label("Loading…"));
    load();
  }

  Node node() {
    return root;
  }

  /** The image as shown, for tests; null until decoded (or when the file is not an image). */
  @Nullable Image image() {
    return image.getImage();
  }

  private boolean isImage() {
    return DECODABLE.contains(attachment.mime().toLowerCase(Locale.ROOT));
  }

  private void load() {
    record Loaded(Optional<Image> image, boolean haveBytes, List<Backlink> links) {}
    context
        .background()
        .load(
            () -> {
              Optional<byte[]> bytes = context.workspace().attachmentBytes(attachment);
              Optional<Image> decoded = Optional.empty();
              if (bytes.isPresent() && isImage()) {
                Image img = new Image(new ByteArrayInputStream(bytes.get()));
                decoded = img.isError() ? Optional.empty() : Optional.of(img);
              }
              return new Loaded(
                  decoded,
                  bytes.isPresent(),
                  context.workspace().attachmentBacklinks(attachment.soul(), MAX_BACKLINKS));
            },
            loaded -> {
              if (loaded.image().isPresent()) {
                image.setImage(loaded.image().get());
                centre.getChildren().setAll(imageScroll);
                fit();
              } else {
                String why =
                    !loaded.haveBytes()
                        ? "This replica does not have the file's bytes yet (sync fetches them from a peer)."
                        : isImage()
                            ? "This picture cannot be shown here; open it with the default app."
                            : "Open it with the default app to see it.";
                Label l = new Label(why);
                l.getStyleClass().add("text-muted");
                l.setWrapText(true);
                centre.getChildren().setAll(l);
              }
              showBacklinks(loaded.links());
            },
            "Could not read the attachment \"" + attachment.name() + "\"");
  }

  private void showBacklinks(List<Backlink> links) {
    backlinks.getChildren().clear();
    if (links.isEmpty()) {
      Label none = new Label("No note links to this file.");
      none.getStyleClass().add("text-muted");
      backlinks.getChildren().add(none);
      return;
    }
    for (Backlink b : links) {
      Hyperlink h = new Hyperlink(b.source().title() + " — " + b.context());
      h.getStyleClass().add("attachment-backlink");
      h.setOnAction(e -> context.openNote(b.source().soul()));
      backlinks.getChildren().add(h);
    }
  }

  /** Fits the picture into the tab (never enlarging it), or shows it at 100 %. */
  private void fit() {
    Image img = image.getImage();
    if (img == null) {
      return;
    }
    if (actualSize.isSelected()) {
      image.setFitWidth(0);
      image.setFitHeight(0);
    } else {
      double w = Math.max(1, imageScroll.getViewportBounds().getWidth() - 4);
      double h = Math.max(1, imageScroll.getViewportBounds().getHeight() - 4);
      image.setFitWidth(Math.min(w, img.getWidth()));
      image.setFitHeight(Math.min(h, img.getHeight()));
    }
  }

  static String humanSize(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }
}
