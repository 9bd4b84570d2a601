package org.rhizome.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;
import org.rhizome.graph.ChangeEvent;
import org.rhizome.graph.ChangeHash;
import org.rhizome.graph.Soul;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.text.Splice;
import org.rhizome.ui.shell.AppContext;

/**
 * Keeps one open note's editor and the engine in step, both ways.
 *
 * <p>Out: the editor's own edits become {@link Splice}s (in code points), gathered for at most
 * {@link #FLUSH_DELAY} and sent as one change with {@code spliceBodyAsync}; while a write is in
 * flight new edits wait for it, so a fast typist makes few, larger changes and the writer is never
 * flooded. The screen never waits for the engine.
 *
 * <p>In: a committed change to this note that this editor did not make (another device, a rename
 * rewriting a link, a restore) triggers a resync: once our own edits are written, the body is read
 * in the background and handed to {@link Host#showBody} — unless the person typed meanwhile, in
 * which case it waits for those edits to be written and reads again. Own changes are recognised by
 * hash (registered on the writer thread before the change event is dispatched).
 *
 * <p>FX thread only, except where noted.
 */
final class BodySync {
  static final Duration FLUSH_DELAY = Duration.millis(200);
  private static final int MAX_PENDING = 256;

  /** The editor side. FX thread. */
  interface Host {
    /** Replaces the editor's text with {@code body} (the engine's), keeping the caret and scroll where they were. */
    void showBody(String body);
  }

  private final AppContext context;
  private final Soul soul;
  private final Host host;
  private final List<Splice> pending = new ArrayList<>();
  private final Set<ChangeHash> ownChanges = ConcurrentHashMap.newKeySet();
  private final PauseTransition flushTimer = new PauseTransition(FLUSH_DELAY);
  private boolean writing;
  private boolean resyncWanted;
  private long generation;
  private boolean closed;

  BodySync(AppContext context, Soul soul, Host host) {
    this.context = context;
    this.soul = soul;
    this.host = host;
    flushTimer.setOnFinished(e -> flush());
  }

  /** The editor's own edit, in code points. */
  void localEdit(Splice splice) {
    generation++;
    pending.add(splice);
    if (pending.size() >= MAX_PENDING) {
      flush();
    } else if (flushTimer.getStatus() != javafx.animation.Animation.Status.RUNNING) {
      flushTimer.playFromStart();
    }
  }

  /** True while edits are waiting or being written (tests and the bench wait for false). */
  boolean isBusy() {
    return writing || !pending.isEmpty();
  }

  /** Sends what is pending now (on close, before a rename, when the timer fires). */
  void flush() {
    flushTimer.stop();
    if (writing || pending.isEmpty()) {
      return;
    }
    List<Splice> batch = List.copyOf(pending);
    pending.clear();
    writing = true;
    CompletableFuture<java.util.Optional<Change>> write = context.workspace().spliceBodyAsync(soul, batch);
    // Runs on the writer thread as the write completes, before the change event is dispatched.
    write.thenAccept(change -> change.ifPresent(c -> ownChanges.add(c.hash())));
    write.whenComplete((change, failure) -> Platform.runLater(() -> {
      writing = false;
      if (failure != null) {
        context.errors().report("Could not save your last edit to \"" + soul.value() + "\"; showing the saved text",
            unwrap(failure));
        pending.clear();
        resyncWanted = true;
      }
      if (!pending.isEmpty()) {
        flush();
      } else {
        resyncIfWanted();
      }
    }));
  }

  /** A change event (on the FX thread): resync when it holds a change to this note that is not ours. */
  void onChanges(ChangeEvent event) {
    boolean foreign = false;
    for (Change change : event.changes()) {
      if (touches(change) && !ownChanges.remove(change.hash())) {
        foreign = true;
      }
    }
    if (foreign) {
      resyncWanted = true;
      flush();
      resyncIfWanted();
    }
  }

  /** Reads the engine's body and shows it, whatever the editor has (after a failed write, or on demand). */
  void resync() {
    resyncWanted = true;
    resyncIfWanted();
  }

  void close() {
    flush();
    closed = true;
  }

  private boolean touches(Change change) {
    for (Op op : change.ops()) {
      if (op.soul().equals(soul)) {
        return true;
      }
    }
    return false;
  }

  private void resyncIfWanted() {
    if (!resyncWanted || closed || writing || !pending.isEmpty()) {
      return;
    }
    resyncWanted = false;
    long readAt = generation;
    context.background().load(() -> context.workspace().findNote(soul), note -> {
      if (closed || note.isEmpty()) {
        return;
      }
      if (readAt != generation || writing || !pending.isEmpty()) {
        // The person typed while we read: our read lacks their edits. Read again once they are written.
        resyncWanted = true;
        resyncIfWanted();
        return;
      }
      host.showBody(note.get().body());
    }, "Could not load the latest text of the note");
  }

  private static Throwable unwrap(Throwable t) {
    Throwable cause = t;
    while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
