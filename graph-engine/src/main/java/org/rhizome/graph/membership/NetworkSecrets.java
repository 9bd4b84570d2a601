package org.rhizome.graph.membership;

import java.util.List;
import java.util.Optional;

/**
 * The private-network secrets this device derives from the epoch keys it holds (decision 0009).
 *
 * @param current the secret of the epoch this device seals under; empty before any removal (the
 *     workspace's own secret is then the network key)
 * @param older the secrets of the other epochs it holds, newest first
 * @param everyoneMoved whether every device in good standing has written a change after the current
 *     epoch began (so it knows the current secret): older secrets, the workspace's own included,
 *     are then no longer accepted
 */
public record NetworkSecrets(Optional<byte[]> current, List<byte[]> older, boolean everyoneMoved) {
  public static final NetworkSecrets NONE = new NetworkSecrets(Optional.empty(), List.of(), false);

  public NetworkSecrets {
    older = List.copyOf(older);
  }
}
