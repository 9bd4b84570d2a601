package org.rhizome.sync.replication.live;

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
 * Validates the live changes that arrive on the workspace's topic by storing them: the engine's
 * verdict is GossipSub's (a change the engine refuses is not forwarded, and its sender is scored
 * down unless the fault was ours). A change that shows a gap asks for a pull from its sender.
 * Thread-safe.
 */
public final class LiveReceiver {
  private static final Logger log = LoggerFactory.getLogger(LiveReceiver.class);

  /** What arriving changes lead to; called on engine threads, return quickly. */
  public interface Observer {
    void appliedLive(PeerId from);

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
    return queue
        .offer(message.data())
        .handle(
            (result, error) -> {
              if (error != null) {
                log.warn("storing a live change from {} failed", message.receivedFrom(), error);
                return ValidationResult.IGNORE;
              }
              switch (result.status()) {
                case APPLIED:
                  observer.appliedLive(message.receivedFrom());
                  return ValidationResult.ACCEPT;
                case DUPLICATE:
                  return ValidationResult.IGNORE;
                default:
                  if (IsolatingApply.deferred(result)) {
                    observer.gap(message.receivedFrom());
                    return ValidationResult.IGNORE;
                  }
                  observer.refusedLive(message.receivedFrom(), result);
                  // A change we could not store is not the sender's fault: do not forward it, do
                  // not score it.
                  return result.reason() == RefusalReason.UNSTORABLE
                      ? ValidationResult.IGNORE
                      : ValidationResult.REJECT;
              }
            });
  }
}
