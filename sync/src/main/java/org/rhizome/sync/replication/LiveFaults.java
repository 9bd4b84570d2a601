package org.rhizome.sync.replication;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.rhizome.sync.gossip.GossipMessage;
import org.rhizome.sync.gossip.ValidationResult;

/**
 * Where live messages enter validation. In the product it passes each message straight through;
 * tests put a fault injector here that drops, duplicates and delays (so reorders) messages, to show
 * that catch-up repairs whatever the live path loses.
 */
interface LiveFaults {
  LiveFaults NONE = (message, validate) -> validate.apply(message);

  CompletableFuture<ValidationResult> deliver(
      GossipMessage message, Function<GossipMessage, CompletableFuture<ValidationResult>> validate);
}
