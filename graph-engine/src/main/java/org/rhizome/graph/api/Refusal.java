package org.rhizome.graph.api;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.model.ActorId;

/**
 * A change this replica refused for good, as the sync log shows it.
 *
 * @param at when it was refused (a refused change offered again by later pulls is logged once)
 * @param actor who signed it; null when its bytes could not be read
 * @param seq its seq in the actor's chain (0 when unknown)
 * @param reason why
 * @param detail the refusal's message
 */
public record Refusal(
    Instant at, @Nullable ActorId actor, long seq, RefusalReason reason, String detail) {
  public Refusal {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
