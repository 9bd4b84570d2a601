package org.rhizome.sync.replication;

import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.rhizome.sync.gossip.GossipMessage;
import org.rhizome.sync.gossip.ValidationResult;

/** Drops, duplicates and delays (hence reorders) live messages before they reach validation. */
final class FaultyDelivery implements LiveFaults, AutoCloseable {
  final AtomicLong dropped = new AtomicLong();
  final AtomicLong duplicated = new AtomicLong();
  private final double dropRate;
  private final double duplicateRate;
  private final int maxDelayMillis;
  private final Random random = new Random(42);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  FaultyDelivery(double dropRate, double duplicateRate, int maxDelayMillis) {
    this.dropRate = dropRate;
    this.duplicateRate = duplicateRate;
    this.maxDelayMillis = maxDelayMillis;
  }

  @Override
  public synchronized CompletableFuture<ValidationResult> deliver(
      GossipMessage message,
      Function<GossipMessage, CompletableFuture<ValidationResult>> validate) {
    if (random.nextDouble() < dropRate) {
      dropped.incrementAndGet();
      return CompletableFuture.completedFuture(ValidationResult.IGNORE);
    }
    if (random.nextDouble() < duplicateRate) {
      duplicated.incrementAndGet();
      timer.schedule(
          () -> validate.apply(message), random.nextInt(maxDelayMillis + 1), TimeUnit.MILLISECONDS);
    }
    CompletableFuture<ValidationResult> result = new CompletableFuture<>();
    timer.schedule(
        () ->
            validate
                .apply(message)
                .whenComplete(
                    (r, e) -> {
                      if (e != null) {
                        result.completeExceptionally(e);
                      } else {
                        result.complete(r);
                      }
                    }),
        random.nextInt(maxDelayMillis + 1),
        TimeUnit.MILLISECONDS);
    return result;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
