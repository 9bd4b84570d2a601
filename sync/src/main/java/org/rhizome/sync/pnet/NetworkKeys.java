package org.rhizome.sync.pnet;

import java.util.ArrayList;
import java.util.List;

/**
 * The private-network keys a host uses (decision 0009): it dials with the current one, and as a
 * listener accepts the current one and, while some member may not have heard of the last removal
 * yet, the ones before it. Immutable.
 */
public final class NetworkKeys {
  private final PreSharedKey current;
  private final List<PreSharedKey> accepted;

  private NetworkKeys(PreSharedKey current, List<PreSharedKey> accepted) {
    this.current = current;
    this.accepted = List.copyOf(accepted);
  }

  /** One key, dialled and accepted (every workspace before its first removal). */
  public static NetworkKeys of(PreSharedKey key) {
    return new NetworkKeys(key, List.of(key));
  }

  /** {@code current}, and {@code older} also accepted when listening (newest first). */
  public static NetworkKeys of(PreSharedKey current, List<PreSharedKey> older) {
    List<PreSharedKey> all = new ArrayList<>();
    all.add(current);
    for (PreSharedKey k : older) {
      if (!all.contains(k)) {
        all.add(k);
      }
    }
    return new NetworkKeys(current, all);
  }

  public PreSharedKey current() {
    return current;
  }

  /** The keys a listener accepts, the current one first. */
  public List<PreSharedKey> accepted() {
    return accepted;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetworkKeys k && k.current.equals(current) && k.accepted.equals(accepted);
  }

  @Override
  public int hashCode() {
    return current.hashCode() * 31 + accepted.hashCode();
  }

  @Override
  public String toString() {
    return "NetworkKeys[" + accepted.size() + " accepted]";
  }
}
