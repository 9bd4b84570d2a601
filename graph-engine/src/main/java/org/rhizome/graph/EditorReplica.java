package org.rhizome.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.text.Splice;
import org.rhizome.graph.text.SpliceTransform;
import org.rhizome.graph.text.TextChange;
import org.rhizome.graph.text.TextVersion;

/**
 * The bookkeeping of an open editor on one text field, without any UI: what it typed and not yet
 * sent, what it sent and the engine has not yet confirmed, and the engine version its text is at.
 * The editor's host (a RichTextFX area, a test's model) shows the text and calls in:
 *
 * <ul>
 *   <li>{@link #local} for each of the person's own edits;
 *   <li>{@link #send} to take the batch to write with {@link Workspace#spliceBodyAsync(Soul,
 *       TextVersion, List, long)} (one batch in flight at a time), then {@link #sent} when the
 *       write completes;
 *   <li>{@link #receive} for each {@link TextChange} of the field from the change feed, in feed
 *       order: its splices, moved past the editor's unconfirmed edits, are what to apply to the
 *       shown text;
 *   <li>when {@link #needsResync} (a change was missed, a write failed), {@link #resync} with the
 *       engine's text, once nothing is in flight: the difference is returned as splices to apply,
 *       and unsent edits are kept.
 * </ul>
 *
 * <p>Undo stays the editor's own: {@link #undoable} turns an edit of the person into its inverse
 * moved past everything that came in since (see {@link UndoHistory}).
 *
 * <p>Not thread-safe: confine to the editor's thread.
 */
public final class EditorReplica {
  private final long origin;
  private TextVersion version;

  /**
   * The engine's text at {@link #version} plus the in-flight batch: the shown text minus {@link
   * #pending}.
   */
  private StringBuilder shadow;

  private List<Splice> inflight = List.of();
  private boolean sending;
  private List<Splice> pending = new ArrayList<>();
  private boolean lost;

  /** Changes that came while lost: a resync may read a text older than some of them. */
  private final List<TextChange> held = new ArrayList<>();

  private final UndoHistory undo = new UndoHistory();

  /**
   * An editor that opened {@code opened}; {@code origin} (nonzero) tags its writes, and must be
   * unique to it.
   */
  public EditorReplica(VersionedText opened, long origin) {
    if (origin == 0) {
      throw new IllegalArgumentException("origin 0 means untagged");
    }
    this.origin = origin;
    this.version = opened.version();
    this.shadow = new StringBuilder(opened.text());
  }

  public long origin() {
    return origin;
  }

  /** The engine version the shown text is based on. */
  public TextVersion version() {
    return version;
  }

  /**
   * The person's edit, on the shown text; {@code removed} is the text it deleted (for undo, may be
   * null when undo is not wanted).
   */
  public void local(Splice splice, @org.jspecify.annotations.Nullable String removed) {
    pending.add(splice);
    if (removed != null) {
      undo.done(splice, removed);
    }
  }

  /** An edit made by undo or redo: sent like the person's, not recorded again. */
  public void localUndo(Splice splice) {
    pending.add(splice);
  }

  public UndoHistory undoable() {
    return undo;
  }

  /** True while edits wait to be sent or are being written. */
  public boolean isBusy() {
    return sending || !pending.isEmpty();
  }

  public boolean isSending() {
    return sending;
  }

  public boolean hasPending() {
    return !pending.isEmpty();
  }

  /** A batch to write: splices made on {@code base}. */
  public record Batch(TextVersion base, List<Splice> splices, long origin) {}

  /**
   * Takes the pending edits as the batch to write; empty while one is in flight or nothing is
   * pending.
   */
  public Optional<Batch> send() {
    if (sending || pending.isEmpty() || lost) {
      return Optional.empty();
    }
    // As the engine will record it: each splice cut into its delete and its insert.
    inflight = SpliceTransform.rebase(pending, List.of());
    pending = new ArrayList<>();
    sending = true;
    applyTo(shadow, inflight);
    return Optional.of(new Batch(version, inflight, origin));
  }

  /**
   * The write of the batch completed: {@code madeChange} false when it changed nothing (so no feed
   * entry will confirm it) or {@code failed} when it was refused (the text must be read again).
   */
  public void sent(boolean madeChange, boolean failed) {
    if (!sending) {
      return;
    }
    if (failed) {
      lost = true;
      sending = false;
      inflight = List.of();
    } else if (!madeChange) {
      sending = false;
      inflight = List.of();
    }
  }

  /**
   * A change to this field from the feed. Returns the splices to apply to the shown text (empty for
   * the editor's own edits and for changes it already has).
   */
  public List<Splice> receive(TextChange change) {
    if (change.origin() == origin) {
      if (sending) {
        if (!change.before().equals(version) || !change.splices().equals(inflight)) {
          lost = true; // the engine placed our edit otherwise than we did: read its text
        }
        sending = false;
        inflight = List.of();
        version = change.after();
      }
      return List.of();
    }
    if (covers(version, change.after())) {
      return List.of();
    }
    if (lost || !change.before().equals(version)) {
      lost = true;
      held.add(change);
      return List.of();
    }
    SpliceTransform.Result a = SpliceTransform.transform(inflight, change.splices());
    inflight = a.local();
    applyTo(shadow, a.remote());
    SpliceTransform.Result b = SpliceTransform.transform(pending, a.remote());
    pending = new ArrayList<>(b.local());
    version = change.after();
    undo.passed(b.remote());
    return b.remote();
  }

  /**
   * A feed event: the splices to apply to the shown text for every {@link TextChange} of this field
   * in it, in order. A change that edits the field but came without its splices (the engine did not
   * hold the text live) marks the text for a {@link #resync}.
   */
  public List<Splice> receive(ChangeEvent event, Soul soul, String field) {
    int edits = 0;
    for (org.rhizome.graph.change.Change c : event.changes()) {
      for (org.rhizome.graph.change.Op op : c.ops()) {
        if (op instanceof org.rhizome.graph.change.Op.TextEdit e
            && e.soul().equals(soul)
            && e.field().equals(field)) {
          edits++;
        }
      }
    }
    List<Splice> out = new ArrayList<>();
    int seen = 0;
    for (TextChange t : event.texts()) {
      if (t.soul().equals(soul) && t.field().equals(field)) {
        seen++;
        out.addAll(receive(t));
      }
    }
    if (edits > 0 && seen == 0) {
      lost = true;
    }
    return out;
  }

  /**
   * True when a change was missed or placed otherwise: call {@link #resync} once nothing is in
   * flight.
   */
  public boolean needsResync() {
    return lost;
  }

  /** Marks the text as needing a read (a change to the field arrived without its splices). */
  public void markLost() {
    lost = true;
  }

  /**
   * Takes the engine's text: returns the splices that make the shown text show it, with the unsent
   * edits kept on top. Only while nothing is in flight.
   */
  public List<Splice> resync(VersionedText now) {
    if (sending) {
      throw new IllegalStateException("a batch is in flight");
    }
    List<Splice> diff = SpliceTransform.diff(shadow.toString(), now.text());
    SpliceTransform.Result r = SpliceTransform.transform(pending, diff);
    pending = new ArrayList<>(r.local());
    shadow = new StringBuilder(now.text());
    version = now.version();
    lost = false;
    undo.passed(r.remote());
    List<Splice> out = new ArrayList<>(r.remote());
    List<TextChange> later = List.copyOf(held);
    held.clear();
    for (TextChange c : later) {
      out.addAll(receive(c)); // those the text read already holds are skipped
    }
    return out;
  }

  private static boolean covers(TextVersion have, TextVersion other) {
    for (var e : other.asMap().entrySet()) {
      if (have.get(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static void applyTo(StringBuilder sb, List<Splice> splices) {
    for (Splice s : splices) {
      int from = sb.offsetByCodePoints(0, s.position());
      int to = sb.offsetByCodePoints(from, s.deleteCount());
      sb.replace(from, to, s.text());
    }
  }
}
