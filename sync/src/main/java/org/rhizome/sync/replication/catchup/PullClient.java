package org.rhizome.sync.replication.catchup;

import java.util.ArrayList;
import java.util.List;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.sync.replication.apply.IsolatingApply;

/**
 * The pulling side of one catch-up exchange, without I/O: it sends what this replica has, hands
 * each batch to the engine in order, and acknowledges a batch only once it is applied — which is
 * what lets the server send the next. An interrupted pull loses nothing: what was applied stays
 * applied, and the next pull starts from the new version vector. Not thread-safe: drive it from one
 * thread.
 */
public final class PullClient {
  private enum State {
    NEW,
    RECEIVING,
    DONE
  }

  private final VersionVector have;
  private final int window;
  private final int maxBatchBytes;
  private State state = State.NEW;
  private long received;
  private long applied;
  private boolean ended;
  private long endCount = -1;
  private PullSummary summary = PullSummary.NONE;

  public PullClient(VersionVector have, int window, int maxBatchBytes) {
    if (window < 1 || window > CatchUpProtocol.MAX_WINDOW || maxBatchBytes < 1) {
      throw new IllegalArgumentException(
          "window must be 1.." + CatchUpProtocol.MAX_WINDOW + " and batch size positive");
    }
    this.have = have;
    this.window = window;
    this.maxBatchBytes = maxBatchBytes;
  }

  public List<CatchUpAction> start() {
    if (state != State.NEW) {
      throw new IllegalStateException("already started");
    }
    state = State.RECEIVING;
    return List.of(new CatchUpAction.Send(new SyncMessage.Pull(have, window, maxBatchBytes)));
  }

  public List<CatchUpAction> onMessage(SyncMessage message) {
    if (state != State.RECEIVING) {
      return List.of();
    }
    if (message instanceof SyncMessage.Batch batch) {
      if (ended || batch.number() != received + 1) {
        return fail(
            "expected batch "
                + (received + 1)
                + ", got batch "
                + batch.number()
                + (ended ? " after the end" : ""),
            true);
      }
      if (batch.number() - applied > window) {
        return fail(
            "the server sent batch "
                + batch.number()
                + " with only "
                + applied
                + " acknowledged and a window of "
                + window,
            true);
      }
      if (batch.changes().isEmpty()) {
        return fail("an empty batch", true);
      }
      received = batch.number();
      return List.of(new CatchUpAction.Apply(batch.number(), batch.changes()));
    }
    if (message instanceof SyncMessage.End end) {
      if (ended) {
        return fail("a second end", true);
      }
      ended = true;
      endCount = end.changes();
      return finishIfComplete(new ArrayList<>());
    }
    if (message instanceof SyncMessage.Abort abort) {
      state = State.DONE;
      return List.of(new CatchUpAction.Fail("the server gave up: " + abort.reason(), false));
    }
    return fail("unexpected " + PullServer.kind(message) + " from a server", true);
  }

  /** The engine's results for batch {@code batch} (batches are reported in order). */
  public List<CatchUpAction> onApplied(long batch, List<ApplyResult> results) {
    if (state != State.RECEIVING) {
      return List.of();
    }
    if (batch != applied + 1 || batch > received) {
      throw new IllegalStateException(
          "batch " + batch + " reported applied out of order (last " + applied + ")");
    }
    applied = batch;
    long ok = 0;
    long refused = 0;
    long deferred = 0;
    for (ApplyResult r : results) {
      switch (r.status()) {
        case APPLIED -> ok++;
        case DUPLICATE -> {}
        case REFUSED -> {
          if (IsolatingApply.deferred(r)) {
            deferred++;
          } else {
            refused++;
          }
        }
      }
    }
    summary = summary.plus(results.size(), ok, refused, deferred);
    List<CatchUpAction> out = new ArrayList<>(2);
    out.add(new CatchUpAction.Send(new SyncMessage.Ack(batch)));
    return finishIfComplete(out);
  }

  /** The engine could not apply a batch (storage failed): stop; what was applied stays. */
  public List<CatchUpAction> onApplyFailed(String reason) {
    if (state != State.RECEIVING) {
      return List.of();
    }
    state = State.DONE;
    return List.of(
        new CatchUpAction.Send(new SyncMessage.Abort("the client cannot store changes")),
        new CatchUpAction.Fail(reason, false));
  }

  /**
   * The server closed its side: normal after its end, while the last batches are still being
   * applied.
   */
  public List<CatchUpAction> onRemoteClosed() {
    return ended ? List.of() : onClosed();
  }

  public List<CatchUpAction> onClosed() {
    if (state == State.DONE) {
      return List.of();
    }
    state = State.DONE;
    return List.of(
        new CatchUpAction.Fail("the stream closed after " + applied + " applied batches", false));
  }

  public boolean isDone() {
    return state == State.DONE;
  }

  public PullSummary summary() {
    return summary;
  }

  private List<CatchUpAction> finishIfComplete(List<CatchUpAction> out) {
    if (ended && applied == received) {
      if (endCount != summary.received()) {
        out.addAll(
            fail(
                "the server ended after " + summary.received() + " changes but said " + endCount,
                true));
        return out;
      }
      state = State.DONE;
      out.add(new CatchUpAction.Finish(summary));
    }
    return out;
  }

  private List<CatchUpAction> fail(String reason, boolean peerAtFault) {
    state = State.DONE;
    return List.of(
        new CatchUpAction.Send(new SyncMessage.Abort(reason)),
        new CatchUpAction.Fail(reason, peerAtFault));
  }
}
