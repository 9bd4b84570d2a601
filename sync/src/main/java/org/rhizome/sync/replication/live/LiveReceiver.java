package org.rhizome.sync.replication.live;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.rhizome.graph.Replica;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.RefusalReason;
import org.rhizome.sync.gossip.GossipMessage;
import org.rhizome.sync.gossip.ValidationResult;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.replication.apply.IsolatingApply;
import org.rhizome.sync.replication.apply.RemoteApplyQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates the live messages that arrive on the workspace's topic by storing the changes each
 * carries (a {@link LiveBundle}): the engine's verdict is GossipSub's. A message is forwarded when
 * it brought something new and the engine refused none of it; one with a change the engine refuses
 * (or that does not decode) is not forwarded, and its sender is scored down unless the fault was
 * ours. A change that shows a gap asks for a pull from the sender. Thread-safe.
 */
public final class LiveReceiver {
  private static final Logger log = LoggerFactory.getLogger(LiveReceiver.class);

  /** What arriving changes lead to; called on engine threads, return quickly. */
  public interface Observer {
    /** {@code count} changes of one message from {@code from} were new here and are stored. */
    void appliedLive(PeerId from, int count);

    /**
     * We missed something before this change: pull from its sender (the change comes with the
     * pull).
     */
    void gap(PeerId from);

    void refusedLive(PeerId from, ApplyResult result);
  }

  private final String topic;
  private final RemoteApplyQueue queue;
  private final Observer observer;

  public LiveReceiver(Replica workspace, String topic, Observer observer) {
    this.topic = topic;
    this.queue = new RemoteApplyQueue(workspace);
    this.observer = observer;
  }

  /** GossipSub's validator for the topic. */
  public CompletableFuture<ValidationResult> validate(GossipMessage message) {
    if (!message.topic().equals(topic)) {
      return CompletableFuture.completedFuture(ValidationResult.IGNORE);
    }
    List<byte[]> changes;
    try {
      changes = LiveBundle.decode(message.data());
    } catch (MalformedLiveMessageException e) {
      log.debug("a malformed live message from {}: {}", message.receivedFrom(), e.getMessage());
      return CompletableFuture.completedFuture(ValidationResult.REJECT);
    }
    return queue
        .offer(changes)
        .handle(
            (results, error) -> {
              if (error != null) {
                log.warn("storing live changes from {} failed", message.receivedFrom(), error);
                return ValidationResult.IGNORE;
              }
              return verdict(message.receivedFrom(), results);
            });
  }

  private ValidationResult verdict(PeerId from, List<ApplyResult> results) {
    int applied = 0;
    boolean gap = false;
    boolean senderAtFault = false;
    boolean ourFault = false;
    for (ApplyResult result : results) {
      switch (result.status()) {
        case APPLIED -> applied++;
        case DUPLICATE -> {}
        case REFUSED -> {
          if (IsolatingApply.deferred(result)) {
            gap = true;
          } else {
            observer.refusedLive(from, result);
            // A change we could not store is not the sender's fault.
            if (result.reason() == RefusalReason.UNSTORABLE) {
              ourFault = true;
            } else {
              senderAtFault = true;
            }
          }
        }
      }
    }
    if (applied > 0) {
      observer.appliedLive(from, applied);
    }
    if (gap) {
      observer.gap(from);
    }
    if (senderAtFault) {
      return ValidationResult.REJECT; // not forwarded, counted against the sender
    }
    // Forward what brought something new, unless part of it could not be stored here (our own
    // fault: do not pass on what we cannot vouch for, do not score it). Peers lacking what a
    // deferred change needs pull it, as here.
    return applied > 0 && !ourFault ? ValidationResult.ACCEPT : ValidationResult.IGNORE;
  }
}
