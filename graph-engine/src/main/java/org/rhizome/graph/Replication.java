package org.rhizome.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.ChangeRefusedException;
import org.rhizome.graph.api.Refusal;
import org.rhizome.graph.api.RefusalReason;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.ChangeCodec;
import org.rhizome.graph.change.MalformedChangeException;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.clock.Hlc;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.note.NoteFields;
import org.rhizome.graph.store.ChangeAuthor;
import org.rhizome.graph.store.ChangeLog;
import org.rhizome.graph.store.GraphStore;
import org.rhizome.graph.store.ParsedBodies;
import org.rhizome.graph.store.RefusalLog;
import org.rhizome.graph.store.WriteStats;
import org.rhizome.graph.store.WriteTxn;
import org.rhizome.graph.text.InsertOp;

/**
 * Taking peers' changes (verified in parallel, written in the order offered) and handing out the
 * changes a peer lacks: the bodies of {@link Replica}'s log methods.
 */
final class Replication {
  /** A remote clock more than this far ahead of ours is not allowed to drag our clock forward. */
  static final long MAX_CLOCK_SKEW_MILLIS = 24L * 3600 * 1000;

  private final GraphStore store;
  private final ChangeAuthor author;
  private final ParsedBodies parsedBodies;
  private final LongSupplier wallMillis;
  private final ExecutorService verifiers;
  private final RefusalLog refusals;

  /**
   * Per author, the highest seq this replica has stored from peers (or found stored), a lower bound
   * of its log's: a change above it needs no look into the log before its signature is checked.
   */
  private final java.util.concurrent.ConcurrentHashMap<org.rhizome.graph.model.ActorId, Long>
      storedUpTo = new java.util.concurrent.ConcurrentHashMap<>();

  /** Decrypts ahead for this device's private notes (decision 0008); null until it has keys. */
  private volatile @org.jspecify.annotations.Nullable SealedAhead sealedAhead;

  /** Completes when the last offered remote batch has been written; guarded by {@code this}. */
  private CompletableFuture<Void> remoteTail = CompletableFuture.completedFuture(null);

  Replication(
      GraphStore store, ChangeAuthor author, ParsedBodies parsedBodies, LongSupplier wallMillis) {
    this.store = store;
    this.author = author;
    this.parsedBodies = parsedBodies;
    this.wallMillis = wallMillis;
    this.refusals = new RefusalLog(store.file());
    int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
    this.verifiers = Executors.newFixedThreadPool(cores, Futures.named("rhizome-verify-%d", true));
  }

  /** From now on, the verifying threads also unwrap and open ahead what this device reads. */
  void openAheadWith(org.rhizome.graph.privacy.KeyRing ring) {
    this.sealedAhead = new SealedAhead(ring, this::prepareNewBodies);
  }

  CompletableFuture<List<ApplyResult>> applyRemoteAsync(List<byte[]> encoded) {
    int n = encoded.size();
    Object[] checked = new Object[n];
    int workers = Math.min(n, Math.max(1, Runtime.getRuntime().availableProcessors()));
    List<CompletableFuture<Void>> parts = new ArrayList<>(workers);
    for (int w = 0; w < workers; w++) {
      int from = (int) ((long) n * w / workers);
      int to = (int) ((long) n * (w + 1) / workers);
      parts.add(
          CompletableFuture.runAsync(
              () -> {
                for (int i = from; i < to; i++) {
                  checked[i] = decode(encoded.get(i));
                }
                markStored(checked, from, to);
                for (int i = from; i < to; i++) {
                  if (checked[i] instanceof Change unverified) {
                    checked[i] = verify(unverified);
                  }
                  if (checked[i] instanceof Change change) {
                    long t = WriteStats.start();
                    prepareNewBodies(change.ops());
                    SealedAhead sealed = sealedAhead;
                    if (sealed != null) {
                      sealed.prepare(change);
                    }
                    WriteStats.add(WriteStats.Stage.PARSE_AHEAD, t);
                    // Deflated here, on the verifying cores, so the writer only writes the row.
                    t = WriteStats.start();
                    checked[i] = ChangeLog.pack(change);
                    WriteStats.add(WriteStats.Stage.DEFLATE, t);
                  }
                }
              },
              verifiers));
    }
    CompletableFuture<Void> verified =
        CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new));
    CompletableFuture<List<ApplyResult>> result;
    synchronized (this) {
      // Batches verify in parallel but are written in the order they were offered, so a sender's
      // chain never arrives at the writer out of order because a later batch verified sooner.
      result =
          remoteTail
              .thenCombine(verified, (previous, ignored) -> null)
              .thenCompose(
                  ignored ->
                      store.write(
                          txn -> {
                            List<ApplyResult> results = new ArrayList<>(n);
                            for (Object o : checked) {
                              if (o instanceof ApplyResult known) { // refused, or stored already
                                results.add(known);
                                remember(txn, known, null);
                                continue;
                              }
                              ChangeLog.Packed packed = (ChangeLog.Packed) o;
                              Change change = packed.change();
                              try {
                                results.add(
                                    txn.apply(packed)
                                        ? ApplyResult.applied(change.hash())
                                        : ApplyResult.duplicate(change.hash()));
                                storedUpTo.merge(change.actor(), change.seq(), Math::max);
                                author
                                    .clock()
                                    .observe(
                                        Math.min(
                                            change.hlc(),
                                            Hlc.pack(
                                                wallMillis.getAsLong() + MAX_CLOCK_SKEW_MILLIS,
                                                0)));
                              } catch (ChangeRefusedException e) {
                                ApplyResult refused =
                                    ApplyResult.refused(change.hash(), e.reason(), e.getMessage());
                                results.add(refused);
                                remember(txn, refused, change);
                              }
                            }
                            return results;
                          }));
      remoteTail = result.handle((r, e) -> null);
    }
    return result;
  }

  /** Keeps a lasting refusal in the sync log (a refused change is never silent). */
  private void remember(WriteTxn txn, ApplyResult refused, Change change) {
    if (refused.reason() != null && RefusalLog.lasting(refused.reason())) {
      refusals.record(
          wallMillis.getAsLong(),
          refused.hash(),
          change == null ? null : change.actor(),
          change == null ? 0 : change.seq(),
          refused.reason(),
          refused.detail());
    }
  }

  /** The latest lasting refusals, newest first. */
  List<Refusal> recentRefusals(int limit) throws StoreException {
    try {
      return refusals.recent(limit);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot read the sync log beside " + store.file() + ": " + e, e);
    }
  }

  /**
   * Parses, on this (verifying) thread, the body a change most likely gives a new note: one insert
   * with no origins is the whole text of a note created by it. The writer takes the parse if the
   * merged text matches, else parses itself.
   */
  private void prepareNewBodies(List<Op> ops) {
    for (Op op : ops) {
      if (op instanceof Op.TextEdit edit
          && edit.field().equals(NoteFields.BODY)
          && edit.ops().size() == 1
          && edit.ops().get(0) instanceof InsertOp insert
          && insert.originLeft() == null
          && insert.originRight() == null) {
        parsedBodies.prepare(insert.text());
      }
    }
  }

  /**
   * Answers, without checking their signatures again, the changes of {@code checked[from..to)} that
   * this replica's log already holds: the same hash (of the whole signed bytes) at the same author
   * and seq means the same bytes, verified when they were stored. Peers offer a change many times —
   * a live message, the relays of peers that pulled it, an anti-entropy pull that crossed the live
   * message — and each copy used to cost a signature check, a parse and a deflate. One read for the
   * range, and none when every change is above what peers' changes reached here; a change it does
   * not find stored (or a failed read) is checked as before. A different change at a stored seq is
   * checked and refused by the writer as before.
   */
  private void markStored(Object[] checked, int from, int to) {
    boolean any = false;
    for (int i = from; i < to && !any; i++) {
      any = checked[i] instanceof Change change && maybeStored(change);
    }
    if (!any) {
      return; // all new as far as this replica knows (a copy stored since is caught by the writer)
    }
    try {
      store.read(
          c -> {
            ChangeLog log = new ChangeLog(c);
            for (int i = from; i < to; i++) {
              if (checked[i] instanceof Change change
                  && maybeStored(change)
                  && log.hashAt(change.actor(), change.seq())
                      .map(change.hash()::equals)
                      .orElse(false)) {
                checked[i] = ApplyResult.duplicate(change.hash());
              }
            }
            return null;
          });
    } catch (StoreException | RuntimeException e) {
      // Not an answer: every change of the range is checked and offered to the writer.
    }
  }

  /** This device's own changes (offered back by relays), or at most what peers' reached here. */
  private boolean maybeStored(Change change) {
    return change.actor().equals(author.key().actor())
        || change.seq() <= storedUpTo.getOrDefault(change.actor(), 0L);
  }

  private static Object decode(byte[] bytes) {
    long t = WriteStats.start();
    try {
      return ChangeCodec.decode(bytes);
    } catch (MalformedChangeException e) {
      return ApplyResult.refused(null, e.reason(), e.getMessage());
    } finally {
      WriteStats.add(WriteStats.Stage.DECODE, t);
    }
  }

  private static Object verify(Change change) {
    long t = WriteStats.start();
    boolean valid = change.hasValidSignature();
    WriteStats.add(WriteStats.Stage.VERIFY, t);
    if (!valid) {
      return ApplyResult.refused(
          change.hash(),
          RefusalReason.BAD_SIGNATURE,
          "the signature of change #"
              + change.seq()
              + " does not verify against actor "
              + change.actor());
    }
    return change;
  }

  VersionVector versionVector() throws StoreException {
    return store.read(c -> new ChangeLog(c).versionVector());
  }

  List<StoredChange> changesSince(VersionVector have, long after, int limit) throws StoreException {
    return store.read(c -> new ChangeLog(c).changesSince(have, after, limit));
  }

  void close() {
    verifiers.shutdown();
  }
}
