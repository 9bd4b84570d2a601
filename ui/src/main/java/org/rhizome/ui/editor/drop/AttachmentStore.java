package org.rhizome.ui.editor.drop;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.AttachmentFields;
import org.rhizome.graph.note.NoteFolders;
import org.rhizome.graph.query.LinkDestination;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.graph.vault.AttachmentFolderSetting;

/**
 * Stores what is pasted or dropped into a note and says which link to insert for it: a file becomes
 * an attachment in the configured attachment folder ({@link AttachmentFolderSetting}) under a name
 * no other file there has; a Markdown file becomes a note. The link is the bare name when that
 * reaches the stored file from the note's folder (Obsidian's shortest form), else the path.
 * Blocking: call it off the FX thread.
 */
final class AttachmentStore {
  /** Larger files stay out, as on import: a workspace is not a place for disk images. */
  static final long MAX_BYTES = 256L << 20;

  private final Workspace ws;

  AttachmentStore(Workspace ws) {
    this.ws = ws;
  }

  /**
   * Stores {@code bytes} as {@code name} for a note in {@code noteFolder}; returns the link to
   * insert.
   */
  String store(String noteFolder, String name, byte[] bytes) throws Exception {
    if (bytes.length > MAX_BYTES) {
      throw new IOException(
          "\"" + name + "\" is larger than the " + (MAX_BYTES >> 20) + " MiB an attachment can be");
    }
    if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".md") && name.length() > 3) {
      Optional<String> text = utf8(bytes);
      if (text.isPresent()) {
        return storeNote(noteFolder, name.substring(0, name.length() - 3), text.get());
      }
    }
    String folder = AttachmentFolderSetting.folderFor(AttachmentFolderSetting.of(ws), noteFolder);
    String unique =
        AttachmentNames.unique(
            AttachmentFields.checkName(name.strip()),
            n -> attachmentExists(NoteFolders.path(folder, n)));
    Soul soul = ws.putAttachment(folder, unique, bytes);
    String mime = AttachmentFields.mimeOf(unique);
    return (AttachmentNames.embeds(mime) ? "!" : "")
        + "[["
        + linkTarget(noteFolder, folder, unique, soul, true)
        + "]]";
  }

  /** Reads a dropped file (not a folder, not too big) and stores it. */
  String store(String noteFolder, Path file) throws Exception {
    if (!Files.isRegularFile(file)) {
      throw new IOException(
          "\"" + file.getFileName() + "\" is a folder or not a file; only files can be dropped");
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new IOException(
          "\""
              + file.getFileName()
              + "\" is larger than the "
              + (MAX_BYTES >> 20)
              + " MiB an attachment can be");
    }
    return store(noteFolder, file.getFileName().toString(), Files.readAllBytes(file));
  }

  /**
   * The link to a note dragged in: {@code [[Title]]} when that reaches it from {@code noteFolder},
   * else {@code [[Folder/Title]]}.
   */
  Optional<String> noteLink(String noteFolder, Soul soul) throws StoreException {
    Optional<NoteRef> note =
        ws.findNote(soul)
            .map(n -> new NoteRef(n.soul(), n.title(), n.created(), n.modified(), n.folder()));
    if (note.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "[[" + linkTarget(noteFolder, note.get().folder(), note.get().title(), soul, false) + "]]");
  }

  private String storeNote(String noteFolder, String title, String text) throws Exception {
    String folder = noteFolder;
    String unique =
        AttachmentNames.unique(
            title,
            t -> {
              try {
                return ws.linkDestination(folder, "/" + NoteFolders.path(folder, t))
                        instanceof LinkDestination.ToNote n
                    && n.note().folder().equalsIgnoreCase(folder);
              } catch (StoreException e) {
                throw new IllegalStateException(e);
              }
            });
    Soul soul = ws.createNote(folder, unique, text);
    return "[[" + linkTarget(noteFolder, folder, unique, soul, false) + "]]";
  }

  private String linkTarget(String fromFolder, String folder, String name, Soul soul, boolean file)
      throws StoreException {
    LinkDestination bare = ws.linkDestination(fromFolder, name);
    boolean reaches =
        file
            ? bare instanceof LinkDestination.ToAttachment a && a.attachment().soul().equals(soul)
            : bare instanceof LinkDestination.ToNote n && n.note().soul().equals(soul);
    return reaches ? name : NoteFolders.path(folder, name);
  }

  private boolean attachmentExists(String path) {
    try {
      return ws.attachment(path).isPresent();
    } catch (StoreException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
