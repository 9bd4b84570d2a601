package org.rhizome.ui.render;

import java.util.Optional;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.Soul;

/**
 * The links of a page that must carry nothing of a private note (a static site made without {@code
 * --include-private}): a link to a private note shows as unresolved text and its embed as missing,
 * so no title, address or word of it reaches the page. Everything else is asked of the links it
 * wraps.
 */
final class PublicLinks implements RenderLinks {
  private final RenderLinks links;
  private final Workspace workspace;

  PublicLinks(RenderLinks links, Workspace workspace) {
    this.links = links;
    this.workspace = workspace;
  }

  @Override
  public Optional<NoteTarget> note(String sourceFolder, String target) {
    return links.note(sourceFolder, target).filter(n -> !workspace.isPrivate(new Soul(n.id())));
  }

  @Override
  public Optional<String> body(NoteTarget note) {
    return workspace.isPrivate(new Soul(note.id())) ? Optional.empty() : links.body(note);
  }

  @Override
  public Optional<FileTarget> attachment(String sourceFolder, String target) {
    return links.attachment(sourceFolder, target);
  }

  @Override
  public String unresolvedHref(String target) {
    return links.unresolvedHref(target);
  }
}
