package org.rhizome.sync.gossip;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.rhizome.sync.gossip.internal.GossipRouter;

/**
 * The application's check of a message before it is delivered or forwarded. Called on the {@code
 * rhizome-gossip} thread: return quickly, and move slow checks (disk, many signatures) to an
 * executor and complete the stage from there. At most {@link GossipRouter#MAX_PENDING_VALIDATIONS}
 * validations may be pending; messages beyond that are ignored.
 */
@FunctionalInterface
public interface MessageValidator {
  CompletionStage<ValidationResult> validate(GossipMessage message);

  static MessageValidator acceptAll() {
    return m -> CompletableFuture.completedFuture(ValidationResult.ACCEPT);
  }

  /** A validator that decides at once, on the gossip thread. */
  static MessageValidator of(Function<GossipMessage, ValidationResult> check) {
    return m -> CompletableFuture.completedFuture(check.apply(m));
  }
}
