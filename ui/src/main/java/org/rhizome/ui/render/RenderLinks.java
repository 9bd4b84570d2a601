package org.rhizome.ui.render;

import java.util.Optional;

/**
 * What the renderer asks of the world around a note: which note or attachment a link reaches, the
 * text of a note it embeds, and the address each has on the page being made. The reading view
 * answers from the open workspace (attachments as files in a cache), the HTML export from the same
 * workspace (pages and copied attachments as relative paths), tests from a real workspace too.
 *
 * <p>Called on the rendering thread, never the FX thread; implementations may read the store.
 */
public interface RenderLinks {
  /**
   * Links that reach nothing, for rendering with no workspace (every link is unresolved, every
   * embed missing).
   */
  RenderLinks NOWHERE =
      new RenderLinks() {
        @Override
        public Optional<NoteTarget> note(String sourceFolder, String target) {
          return Optional.empty();
        }

        @Override
        public Optional<String> body(NoteTarget note) {
          return Optional.empty();
        }

        @Override
        public Optional<FileTarget> attachment(String sourceFolder, String target) {
          return Optional.empty();
        }
      };

  /**
   * The note that {@code [[target]]} (no {@code #anchor}) reaches from a note in {@code
   * sourceFolder}.
   */
  Optional<NoteTarget> note(String sourceFolder, String target);

  /** The current Markdown of a note this interface returned (for embeds); empty if it is gone. */
  Optional<String> body(NoteTarget note);

  /**
   * The attachment that {@code target} (a file name such as {@code photo.png}, or a path such as
   * {@code Assets/photo.png}, as written in a wikilink or a Markdown link) reaches from a note in
   * {@code sourceFolder}.
   */
  Optional<FileTarget> attachment(String sourceFolder, String target);

  /**
   * The address of an unresolved link to {@code target}, or null to show it as text only (a static
   * site).
   */
  default String unresolvedHref(String target) {
    return null;
  }

  /**
   * A note a link reaches: its id (the soul), title, folder and address (without {@code #anchor}).
   */
  record NoteTarget(String id, String title, String folder, String href) {}

  /**
   * An attachment a link reaches: its name, media type, size in bytes and address (null when its
   * bytes are missing).
   */
  record FileTarget(String path, String name, String mime, long size, String url) {}
}
