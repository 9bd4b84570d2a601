package org.rhizome.ui.attachments;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Tab;
import org.rhizome.graph.note.Attachment;
import org.rhizome.ui.workbench.AppContext;

/**
 * Opens an attachment the way its type wants: images in a viewer tab of the window (one tab per
 * file); PDFs and everything else in the system's default app (JavaFX has no PDF view, and a
 * bundled PDF.js would be heavy for the rare PDF: the system viewer is what people already use),
 * written to a temporary file first, off the FX thread. A link to a missing file opens a tab that
 * says so.
 *
 * <p>FX thread only (the system open runs in the background).
 */
public final class AttachmentOpener {
  private final AppContext context;
  private final SystemOpener system;

  public AttachmentOpener(AppContext context) {
    this(context, new SystemOpener());
  }

  public AttachmentOpener(AppContext context, SystemOpener system) {
    this.context = context;
    this.system = system;
  }

  /** Opens the attachment (see the class comment). */
  public void open(Attachment attachment) {
    if (attachment.mime().toLowerCase(Locale.ROOT).startsWith("image/")) {
      showInTab(attachment);
    } else {
      openWithSystem(attachment);
    }
  }

  /** Shows the attachment in its own tab (any type: images are drawn, others described). */
  public Tab showInTab(Attachment attachment) {
    return context.openTab(
        "attachment:" + attachment.soul().value(),
        attachment.name(),
        () -> new AttachmentView(context, attachment, this).node());
  }

  /** Writes the bytes to a temporary file and opens it with the default app, in the background. */
  public void openWithSystem(Attachment attachment) {
    var opened =
        context
            .background()
            .supply(
                () -> {
                  byte[] bytes =
                      context
                          .workspace()
                          .attachmentBytes(attachment)
                          .orElseThrow(
                              () ->
                                  new java.io.IOException(
                                      "this replica does not have the bytes of \""
                                          + attachment.name()
                                          + "\" yet"));
                  Path file = system.write(attachment.name(), bytes);
                  system.open(file);
                  return file;
                });
    context.background().reportFailure(opened, "Could not open \"" + attachment.name() + "\"");
  }

  /**
   * Says that {@code target} names no file of the workspace (instead of creating a note called like
   * it).
   */
  public Tab showMissing(String target) {
    return context.openTab(
        "missing-attachment:" + target.toLowerCase(Locale.ROOT),
        target + " (missing)",
        () -> MissingAttachmentView.of(target));
  }
}
