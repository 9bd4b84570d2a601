package org.rhizome.ui.history;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.membership.Member;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.membership.Person;
import org.rhizome.graph.model.ActorId;

/**
 * Who made a change, as the history shows it: the person's name (from the workspace's member list;
 * with the device when it is not their first, and "removed since" when an admin removed them) and
 * the signing device key's fingerprint. The one place where the history looks names up. Reads the
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
  private @Nullable Set<ActorId> removed;

  public AuthorNames(Workspace workspace) {
    this.workspace = workspace;
  }

  public Author of(ActorId actor) throws StoreException {
    Author cached = known.get(actor);
    if (cached != null) {
      return cached;
    }
    Optional<Member> member = workspace.membership().member(actor);
    String name = "";
    if (member.isPresent()) {
      // The person's name (their first device's), and which of their devices when another.
      Member m = member.get();
      String person = workspace.membership().memberName(m.person()).orElse("");
      name = person.isEmpty() ? m.name() : person;
      if (!m.device().equals(m.person()) && !m.name().isEmpty() && !m.name().equals(person)) {
        name = name + " on " + m.name();
      }
      if (removed().contains(m.person())) {
        name = name + " (removed since)";
      }
    }
    if (actor.equals(workspace.actor())) {
      name = name.isEmpty() ? "You" : name + " (you)";
    } else if (name.isEmpty()) {
      name = "Unknown device";
    }
    Author author = new Author(name, Member.fingerprint(actor));
    known.put(actor, author);
    return author;
  }

  /** The people an admin removed (their earlier changes stay in the history, named). */
  private Set<ActorId> removed() throws StoreException {
    if (removed == null) {
      removed = new HashSet<>();
      if (workspace.membership().mode() == MembershipMode.MEMBERS) {
        for (Person p : workspace.membership().people()) {
          if (p.removed()) {
            removed.add(p.person());
          }
        }
      }
    }
    return removed;
  }
}
