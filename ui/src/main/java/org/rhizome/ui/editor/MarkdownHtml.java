package org.rhizome.ui.editor;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.note.Attachment;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.ui.render.HtmlPage;
import org.rhizome.ui.render.ObsidianMarkdown;
import org.rhizome.ui.render.RenderedNote;
import org.rhizome.ui.render.WorkspaceLinks;

/**
 * The reading view's side of the renderer ({@link ObsidianMarkdown}): links as {@code rhizome:}
 * addresses that the view follows itself ({@code rhizome:note/<soul>#anchor} for a note that
 * exists, {@code rhizome:new/<target>} for one to create), attachments as files in the {@link
 * ReadingCache}.
 *
 * <p>Thread-safe; render off the FX thread.
 */
public final class MarkdownHtml {
  static final String LINK_SCHEME = "rhizome:";
  static final String NOTE = LINK_SCHEME + "note/";
  static final String NEW = LINK_SCHEME + "new/";

  /** With a block cache: the reading view renders the same big notes again after each edit. */
  private final ObsidianMarkdown markdown = new ObsidianMarkdown().withBlockCache(8_000_000);

  public MarkdownHtml() {
    QueryBlocks.install(markdown);
  }

  /** The renderer, for registering fenced-block renderers ({@code ```query}). */
  public ObsidianMarkdown markdown() {
    return markdown;
  }

  /** Links resolved in {@code workspace}, with reading-view addresses. */
  static WorkspaceLinks links(Workspace workspace) {
    return new WorkspaceLinks(
        workspace,
        new WorkspaceLinks.Addresses() {
          @Override
          public String note(NoteRef note) {
            return NOTE + note.soul().value();
          }

          @Override
          public String attachment(Attachment attachment, Workspace ws) throws StoreException {
            return ReadingCache.get().attachment(attachment, ws);
          }

          @Override
          public String unresolved(String target) {
            return NEW + URLEncoder.encode(target, StandardCharsets.UTF_8).replace("+", "%20");
          }
        });
  }

  /**
   * A page of {@code markdown} as a hover preview shows it: rendered as in the reading view, links
   * resolved in {@code workspace} from {@code folder}, in the light or dark theme. Off the FX
   * thread.
   */
  public String previewPage(Workspace workspace, String folder, String markdown, boolean dark)
      throws java.io.IOException {
    RenderedNote note = this.markdown.render(markdown, "", folder, links(workspace));
    return HtmlPage.of("", note, dark, 13, ReadingCache.get().base(), "", "");
  }

  /**
   * What a reading-view link shows in a hover preview: a note that exists (by its soul) or the
   * target of an unresolved link, with the {@code #heading} part; empty for anchors in the page and
   * external addresses.
   */
  public static Optional<PreviewTarget> previewTarget(String href) {
    return parse(href)
        .flatMap(
            h -> {
              if (h instanceof OpenNote open) {
                return Optional.of(
                    new PreviewTarget(Optional.of(open.soul()), "", open.fragment()));
              }
              if (h instanceof CreateNote create) {
                return Optional.of(new PreviewTarget(Optional.empty(), create.target(), ""));
              }
              return Optional.empty();
            });
  }

  /**
   * A hovered link's destination: {@code soul} when it reaches a note, else the {@code target} as
   * written.
   */
  public record PreviewTarget(Optional<String> soul, String target, String fragment) {}

  /** What a link of the page asks for. */
  sealed interface Href {}

  /** Open the note with this soul, at this anchor ({@code ""} for its top). */
  record OpenNote(String soul, String fragment) implements Href {}

  /** Follow (so create) the note that {@code target} names. */
  record CreateNote(String target) implements Href {}

  /** Scroll this page to the element with this id. */
  record Anchor(String id) implements Href {}

  /** Hand a file or web address to the system. */
  record External(String url) implements Href {}

  static Optional<Href> parse(String href) {
    if (href == null || href.isEmpty()) {
      return Optional.empty();
    }
    if (href.startsWith("#")) {
      return href.length() > 1
          ? Optional.of(new Anchor(decode(href.substring(1))))
          : Optional.empty();
    }
    if (href.startsWith(NOTE)) {
      String rest = href.substring(NOTE.length());
      int hash = rest.indexOf('#');
      return Optional.of(
          new OpenNote(
              hash >= 0 ? rest.substring(0, hash) : rest,
              hash >= 0 ? decode(rest.substring(hash + 1)) : ""));
    }
    if (href.startsWith(NEW)) {
      String target = decode(href.substring(NEW.length())).strip();
      return target.isEmpty() ? Optional.empty() : Optional.of(new CreateNote(target));
    }
    if (href.startsWith("file:")
        || href.startsWith("http://")
        || href.startsWith("https://")
        || href.startsWith("mailto:")) {
      return Optional.of(new External(href));
    }
    return Optional.empty();
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
