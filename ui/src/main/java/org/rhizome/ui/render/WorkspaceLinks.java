package org.rhizome.ui.render;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.Attachment;
import org.rhizome.graph.note.NoteFolders;
import org.rhizome.graph.query.NoteRef;

/**
 * {@link RenderLinks} over a workspace, with Obsidian's resolution ({@link Workspace#resolveLink},
 * {@link Workspace#resolveAttachment}); where a note or a file is on the page is for {@link
 * Addresses} to say (the reading view's cache, the export's relative paths).
 */
public final class WorkspaceLinks implements RenderLinks {

  /** Where notes and attachments are, seen from the page being made. */
  public interface Addresses {
    String note(NoteRef note);

    /**
     * The address of an attachment's bytes, or null when this replica lacks them (may write a
     * file).
     */
    String attachment(Attachment attachment, Workspace workspace) throws StoreException;

    default String unresolved(String target) {
      return null;
    }
  }

  private final Workspace workspace;
  private final Addresses addresses;
  private final Resolved resolved;

  /**
   * What links resolved to, kept for one render (a big note names the same notes many times) or for
   * a whole export (every page resolves from the same few folders). Not for longer: notes change.
   */
  public static final class Resolved {
    private final Map<String, Optional<NoteRef>> notes = new ConcurrentHashMap<>();
    private final Map<String, Optional<Attachment>> files = new ConcurrentHashMap<>();
  }

  public WorkspaceLinks(Workspace workspace, Addresses addresses) {
    this(workspace, addresses, new Resolved());
  }

  public WorkspaceLinks(Workspace workspace, Addresses addresses, Resolved resolved) {
    this.workspace = workspace;
    this.addresses = addresses;
    this.resolved = resolved;
  }

  /**
   * The workspace links are resolved in (a fenced-block renderer may read it, as {@code ```query}
   * does).
   */
  public Workspace workspace() {
    return workspace;
  }

  @Override
  public Optional<NoteTarget> note(String sourceFolder, String target) {
    String key = sourceFolder + '\u0000' + target;
    Optional<NoteRef> ref = resolved.notes.get(key);
    if (ref == null) {
      try {
        ref = workspace.resolveLink(sourceFolder, target);
      } catch (StoreException e) {
        throw new RenderException("Could not resolve the link to \"" + target + "\"", e);
      }
      resolved.notes.put(key, ref);
    }
    return ref.map(this::target);
  }

  NoteTarget target(NoteRef ref) {
    return new NoteTarget(ref.soul().value(), ref.title(), ref.folder(), addresses.note(ref));
  }

  @Override
  public Optional<String> body(NoteTarget note) {
    try {
      return workspace.findNote(new Soul(note.id())).map(n -> n.body());
    } catch (StoreException e) {
      throw new RenderException("Could not read the embedded note \"" + note.title() + "\"", e);
    }
  }

  @Override
  public Optional<FileTarget> attachment(String sourceFolder, String target) {
    try {
      String key = sourceFolder + '\u0000' + target.strip();
      Optional<Attachment> found = resolved.files.get(key);
      if (found == null) {
        found = find(sourceFolder, target.strip());
        resolved.files.put(key, found);
      }
      if (found.isEmpty()) {
        return Optional.empty();
      }
      Attachment a = found.get();
      return Optional.of(
          new FileTarget(
              a.path(), a.name(), a.mime(), a.size(), addresses.attachment(a, workspace)));
    } catch (StoreException e) {
      throw new RenderException("Could not read the attachment \"" + target + "\"", e);
    }
  }

  /** A path from the vault's root, then from the note's folder, then Obsidian's by-name rule. */
  private Optional<Attachment> find(String sourceFolder, String target) throws StoreException {
    String path = target.startsWith("/") ? target.substring(1) : target;
    if (path.contains("/")) {
      Optional<Attachment> a = workspace.attachment(path);
      if (a.isPresent()) {
        return a;
      }
      if (!sourceFolder.isEmpty()) {
        a = workspace.attachment(NoteFolders.path(sourceFolder, path));
        if (a.isPresent()) {
          return a;
        }
      }
    }
    return workspace.resolveAttachment(sourceFolder, path);
  }

  @Override
  public String unresolvedHref(String target) {
    return addresses.unresolved(target);
  }
}
