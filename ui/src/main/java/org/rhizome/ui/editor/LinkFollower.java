package org.rhizome.ui.editor;

import java.awt.Desktop;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.NoteFolders;
import org.rhizome.graph.query.LinkDestination;
import org.rhizome.ui.attachments.AttachmentOpener;
import org.rhizome.ui.workbench.AppContext;

/**
 * Follows a wikilink target as written in a note of some folder: opens the note it resolves to
 * (Obsidian's rules: own folder, then shortest path), or the attachment it names (see {@link
 * AttachmentOpener}), or creates a note when none does — an unresolved link is an invitation to
 * write it — then opens that. A target that names a file ({@code photo.png}) is never made a note:
 * when no attachment has that name, a tab says it is missing. A target with a path ({@code
 * Projects/Plan}) creates the note in that folder, otherwise the note goes to the default folder
 * for new notes. A {@code #Heading} or {@code #^block} part is revealed in the opened note. FX
 * thread.
 */
public final class LinkFollower {
  private final AppContext context;
  private final AttachmentOpener attachments;
  private @Nullable BiConsumer<Soul, String> revealer;

  public LinkFollower(AppContext context) {
    this.context = context;
    this.attachments = new AttachmentOpener(context);
  }

  /** Who shows a heading or block of an open note (the editor tabs). */
  void onReveal(BiConsumer<Soul, String> revealer) {
    this.revealer = revealer;
  }

  /**
   * Follows {@code target} as written in a note of {@code sourceFolder} ({@code ""} for the root):
   * a wikilink's target, or a Markdown link's or image's destination ({@code
   * ![x](Attachments/a%20b.png)}), which a web address among them opens in the browser.
   */
  public void follow(String sourceFolder, String target) {
    String written = markdownDestination(target);
    if (SCHEME.matcher(written).find()) {
      openExternally(written);
      return;
    }
    int hash = written.indexOf('#');
    String name = (hash >= 0 ? written.substring(0, hash) : written).strip();
    String fragment = hash >= 0 ? written.substring(hash + 1).strip() : "";
    if (name.isEmpty()) {
      return;
    }
    context
        .background()
        .load(
            () -> context.workspace().linkDestination(sourceFolder, name),
            found -> {
              if (found instanceof LinkDestination.ToNote n) {
                open(n.note().soul(), fragment);
              } else if (found instanceof LinkDestination.ToAttachment a) {
                attachments.open(a.attachment());
              } else if (found instanceof LinkDestination.Missing m && m.file()) {
                attachments.showMissing(name);
              } else {
                create(name);
              }
            },
            "Could not follow the link to \"" + name + "\"");
  }

  /**
   * Opens a note and shows {@code fragment} in it (a heading's text, or {@code ^blockid}; {@code
   * ""} for its top).
   */
  public void open(Soul soul, String fragment) {
    context.openNote(soul);
    if (!fragment.isEmpty() && revealer != null) {
      revealer.accept(soul, fragment);
    }
  }

  /** Hands a file or web address to the system's own application (off the FX thread). */
  public void openExternally(String url) {
    context
        .background()
        .load(
            () -> {
              if (!Desktop.isDesktopSupported()) {
                throw new UnsupportedOperationException(
                    "This system cannot open files or web pages from the app");
              }
              Desktop desktop = Desktop.getDesktop();
              if (url.startsWith("file:")) {
                desktop.open(Path.of(URI.create(url)).toFile());
              } else {
                desktop.browse(URI.create(url));
              }
              return Boolean.TRUE;
            },
            ok -> {},
            "Could not open " + url);
  }

  private void create(String target) {
    String folder = folderFor(target, context.settings().defaultFolder().get());
    String title = titleFor(target);
    var created = context.workspace().createNoteAsync(folder, title, "");
    context
        .background()
        .reportFailure(
            created, "Could not create the note \"" + NoteFolders.path(folder, title) + "\"");
    created.thenAccept(soul -> Platform.runLater(() -> context.openNote(soul)));
  }

  private static final java.util.regex.Pattern SCHEME =
      java.util.regex.Pattern.compile("^(?i:https?|mailto|file):");

  /**
   * A Markdown destination as the name it stands for: {@code <a b.png>} unwrapped, {@code %20}
   * decoded, a leading {@code ./} dropped; a wikilink target comes back stripped only.
   */
  static String markdownDestination(String target) {
    String t = target.strip();
    if (t.length() >= 2 && t.startsWith("<") && t.endsWith(">")) {
      t = t.substring(1, t.length() - 1).strip();
    }
    if (SCHEME.matcher(t).find()) {
      return t;
    }
    if (t.indexOf('%') >= 0) {
      try {
        t =
            java.net.URLDecoder.decode(
                t.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notEncoded) {
        // A literal % in a name: keep it as written.
      }
    }
    while (t.startsWith("./")) {
      t = t.substring(2);
    }
    return t;
  }

  /** The last part of a path, without {@code .md}: the new note's title. */
  static String titleFor(String target) {
    int slash = target.lastIndexOf('/');
    String t = slash >= 0 && slash < target.length() - 1 ? target.substring(slash + 1) : target;
    return t.endsWith(".md") && t.length() > 3 ? t.substring(0, t.length() - 3) : t;
  }

  /**
   * The folder part of a path ({@code Projects} of {@code Projects/Plan}), else {@code fallback}.
   */
  static String folderFor(String target, String fallback) {
    int slash = target.lastIndexOf('/');
    return slash > 0 ? target.substring(0, slash).replaceAll("^/+", "") : fallback;
  }
}
