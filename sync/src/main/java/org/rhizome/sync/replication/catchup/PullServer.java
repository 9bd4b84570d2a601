package org.rhizome.sync.replication.catchup;

import java.util.ArrayList;
import java.util.List;
import org.rhizome.graph.model.VersionVector;

/**
 * The serving side of one catch-up exchange, without I/O: it takes the client's pull, asks its
 * driver to read the log one batch at a time, and sends batches while fewer than the client's
 * window are unacknowledged — so a slow client slows the reads, and a reader never runs ahead of
 * the network. Not thread-safe: drive it from one thread (the stream's event loop).
 */
public final class PullServer {
  private enum State {
    AWAIT_PULL,
    STREAMING,
    DONE
  }

  private State state = State.AWAIT_PULL;
  private VersionVector have = VersionVector.EMPTY;
  private int window;
  private int maxBatchBytes;
  private long after;
  private long sentBatches;
  private long acked;
  private long sentChanges;
  private boolean reading;

  public List<CatchUpAction> onMessage(SyncMessage message) {
    return switch (state) {
      case DONE -> List.of();
      case AWAIT_PULL -> {
        if (!(message instanceof SyncMessage.Pull pull)) {
          yield fail("expected a pull first, got " + kind(message), true);
        }
        have = pull.have();
        window = Math.min(pull.window(), CatchUpProtocol.MAX_WINDOW);
        maxBatchBytes = Math.min(pull.maxBatchBytes(), CatchUpProtocol.MAX_MESSAGE_BYTES);
        state = State.STREAMING;
        yield readIfRoom(new ArrayList<>());
      }
      case STREAMING -> onStreamingMessage(message);
    };
  }

  private List<CatchUpAction> onStreamingMessage(SyncMessage message) {
    if (message instanceof SyncMessage.Ack ack) {
      if (ack.number() <= acked || ack.number() > sentBatches) {
        return fail(
            "acknowledged batch "
                + ack.number()
                + " with "
                + sentBatches
                + " sent and "
                + acked
                + " acknowledged",
            true);
      }
      acked = ack.number();
      return readIfRoom(new ArrayList<>());
    }
    if (message instanceof SyncMessage.Abort abort) {
      state = State.DONE;
      return List.of(new CatchUpAction.Fail("the client gave up: " + abort.reason(), false));
    }
    return fail("unexpected " + kind(message) + " from a client", true);
  }

  /**
   * The result of the last {@link CatchUpAction.Read}.
   *
   * @param lastPosition the log position of the last change read (the next read starts after it)
   * @param more whether the read stopped at its limits (there may be more to send)
   */
  public List<CatchUpAction> onRead(List<byte[]> changes, long lastPosition, boolean more) {
    if (state != State.STREAMING || !reading) {
      return List.of();
    }
    reading = false;
    List<CatchUpAction> out = new ArrayList<>(3);
    if (!changes.isEmpty()) {
      sentBatches++;
      sentChanges += changes.size();
      after = lastPosition;
      out.add(new CatchUpAction.Send(new SyncMessage.Batch(sentBatches, changes)));
    }
    if (!more || changes.isEmpty()) {
      state = State.DONE;
      out.add(new CatchUpAction.Send(new SyncMessage.End(sentChanges)));
      out.add(new CatchUpAction.Finish(new PullSummary(sentChanges, 0, 0, 0)));
      return out;
    }
    return readIfRoom(out);
  }

  /** The read failed (a storage error): tell the client and stop. */
  public List<CatchUpAction> onReadFailed(String reason) {
    if (state == State.DONE) {
      return List.of();
    }
    state = State.DONE;
    return List.of(
        new CatchUpAction.Send(new SyncMessage.Abort("the server cannot read its log: " + reason)),
        new CatchUpAction.Fail(reason, false));
  }

  /** The stream closed or reset before the end. */
  public List<CatchUpAction> onClosed() {
    if (state == State.DONE) {
      return List.of();
    }
    state = State.DONE;
    return List.of(
        new CatchUpAction.Fail("the stream closed after " + sentBatches + " batches", false));
  }

  public boolean isDone() {
    return state == State.DONE;
  }

  private List<CatchUpAction> readIfRoom(List<CatchUpAction> out) {
    if (!reading && sentBatches - acked < window) {
      reading = true;
      out.add(
          new CatchUpAction.Read(have, after, CatchUpProtocol.MAX_BATCH_CHANGES, maxBatchBytes));
    }
    return out;
  }

  private List<CatchUpAction> fail(String reason, boolean peerAtFault) {
    state = State.DONE;
    return List.of(
        new CatchUpAction.Send(new SyncMessage.Abort(reason)),
        new CatchUpAction.Fail(reason, peerAtFault));
  }

  static String kind(SyncMessage m) {
    return m.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }
}
