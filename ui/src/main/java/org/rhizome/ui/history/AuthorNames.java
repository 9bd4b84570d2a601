package org.rhizome.ui.history;

import java.util.HashMap;
import java.util.Map;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.membership.Member;
import org.rhizome.graph.model.ActorId;

/**
 * Who made a change, as the history shows it: the member's name (from the workspace's member list)
 * and the device key's fingerprint. The one place where the history looks names up. Reads the
 * workspace, so call it off the FX thread; remembers the names it has read.
 *
 * <p>Confined to one thread at a time (one history load).
 */
public final class AuthorNames {
  /**
   * An author's name as shown ("You" for this device) and key fingerprint ({@link
   * Member#fingerprint(ActorId)}).
   */
  public record Author(String name, String fingerprint) {}

  private final Workspace workspace;
  private final Map<ActorId, Author> known = new HashMap<>();

  public AuthorNames(Workspace workspace) {
    this.workspace = workspace;
  }

  public Author of(ActorId actor) throws StoreException {
    Author cached = known.get(actor);
    if (cached != null) {
      return cached;
    }
    String name = workspace.membership().memberName(actor).orElse("");
    if (actor.equals(workspace.actor())) {
      name = name.isEmpty() ? "You" : name + " (you)";
    } else if (name.isEmpty()) {
      name = "Unknown device";
    }
    Author author = new Author(name, Member.fingerprint(actor));
    known.put(actor, author);
    return author;
  }
}
