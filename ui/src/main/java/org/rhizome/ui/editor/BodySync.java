package org.rhizome.ui.editor;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.ChangeEvent;
import org.rhizome.graph.EditorReplica;
import org.rhizome.graph.UndoHistory;
import org.rhizome.graph.VersionedText;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.NoteFields;
import org.rhizome.graph.text.Splice;
import org.rhizome.ui.workbench.AppContext;

/**
 * Keeps one open note's editor and the engine in step, both ways, through an {@link EditorReplica}.
 *
 * <p>Out: the editor's own edits become {@link Splice}s (in code points), gathered for at most
 * {@link #FLUSH_DELAY} and sent as one change with {@code spliceBodyAsync}, naming the engine
 * version they were made on, so the engine moves them past whatever arrived meanwhile and each
 * keystroke lands where it was typed. One batch is in flight at a time: a fast typist makes few,
 * larger changes and the writer is never flooded. The screen never waits for the engine.
 *
 * <p>In: every change to the body made elsewhere (another device, the CLI or {@code serve} on the
 * same file, a rename rewriting a link, a restore, the mirror) comes from the change feed as the
 * engine's own splices; moved past the editor's unconfirmed edits, they go to {@link
 * Host#applyRemote}, which replaces just those ranges. Only when the feed missed something (the
 * engine did not hold the body live, a write failed) is the body read again and the difference
 * applied — the fallback.
 *
 * <p>FX thread only, except where noted.
 */
final class BodySync {
  static final Duration FLUSH_DELAY = Duration.millis(200);
  private static final int MAX_PENDING = 256;
  private static final SecureRandom ORIGINS = new SecureRandom();

  /** The editor side. FX thread. */
  interface Host {
    /**
     * Applies splices made elsewhere to the shown text, in order, keeping caret, selection and
     * scroll.
     */
    void applyRemote(List<Splice> splices);
  }

  private final AppContext context;
  private final Soul soul;
  private final Host host;
  private final PauseTransition flushTimer = new PauseTransition(FLUSH_DELAY);
  private @Nullable EditorReplica replica;
  private int unsent;
  private boolean reading;
  private boolean closed;

  BodySync(AppContext context, Soul soul, Host host) {
    this.context = context;
    this.soul = soul;
    this.host = host;
    flushTimer.setOnFinished(e -> flush());
  }

  /** The body as opened (from {@code openBodyAsync}): what the editor shows from now on. */
  void opened(VersionedText body) {
    long origin;
    do {
      origin = ORIGINS.nextLong();
    } while (origin == 0);
    replica = new EditorReplica(body, origin);
  }

  /** The editor's own edit, in code points; {@code removed} is the text it replaced. */
  void localEdit(Splice splice, String removed) {
    if (replica == null) {
      return;
    }
    replica.local(splice, removed);
    scheduleFlush();
  }

  /**
   * Several edits of the person made as one command (Replace all): sent in order, undone as one
   * step.
   */
  void localEdits(java.util.List<Splice> splices, java.util.List<String> removed) {
    if (replica == null) {
      return;
    }
    for (Splice s : splices) {
      replica.local(s, null);
    }
    replica.undoable().doneTogether(splices, removed);
    scheduleFlush();
  }

  /** An edit made by undo or redo: sent, not recorded as a new step. */
  void undoEdit(Splice splice) {
    if (replica == null) {
      return;
    }
    replica.localUndo(splice);
    scheduleFlush();
  }

  /** This editor's undo history (its own edits only); null before the body is opened. */
  @Nullable UndoHistory undoHistory() {
    return replica == null ? null : replica.undoable();
  }

  private void scheduleFlush() {
    if (++unsent >= MAX_PENDING) {
      flush();
    } else if (flushTimer.getStatus() != javafx.animation.Animation.Status.RUNNING) {
      flushTimer.playFromStart();
    }
  }

  /** True while edits are waiting or being written (tests and the bench wait for false). */
  boolean isBusy() {
    return replica != null && (replica.isBusy() || replica.needsResync());
  }

  /** Sends what is pending now (on close, before a rename, when the timer fires). */
  void flush() {
    flushTimer.stop();
    if (replica == null) {
      return;
    }
    Optional<EditorReplica.Batch> batch = replica.send();
    if (batch.isEmpty()) {
      return;
    }
    unsent = 0;
    EditorReplica.Batch b = batch.get();
    CompletableFuture<Optional<Change>> write =
        context.workspace().spliceBodyAsync(soul, b.base(), b.splices(), b.origin());
    write.whenComplete(
        (change, failure) ->
            Platform.runLater(
                () -> {
                  if (replica == null) {
                    return;
                  }
                  if (failure != null) {
                    context
                        .errors()
                        .report(
                            "Could not save your last edit to \""
                                + soul.value()
                                + "\"; showing the saved text",
                            unwrap(failure));
                  }
                  replica.sent(change != null && change.isPresent(), failure != null);
                  afterWrite();
                }));
  }

  private void afterWrite() {
    if (replica == null || closed) {
      return;
    }
    if (replica.hasPending()) {
      flush();
    }
    resyncIfWanted();
  }

  /**
   * A change event (on the FX thread): applies this note's body changes made elsewhere, in place.
   */
  void onChanges(ChangeEvent event) {
    if (replica == null || closed) {
      return;
    }
    boolean ownPending = replica.isSending();
    List<Splice> in = replica.receive(event, soul, NoteFields.BODY);
    if (!in.isEmpty()) {
      host.applyRemote(in);
    }
    if (ownPending && !replica.isSending()) {
      afterWrite(); // our batch was confirmed: send what was typed meanwhile
    } else {
      resyncIfWanted();
    }
  }

  /** Reads the engine's body and shows it with this editor's unsent edits on top (on demand). */
  void resync() {
    if (replica != null) {
      replica.markLost();
      resyncIfWanted();
    }
  }

  void close() {
    flush();
    closed = true;
  }

  private void resyncIfWanted() {
    if (replica == null || closed || reading || !replica.needsResync() || replica.isSending()) {
      return;
    }
    reading = true;
    context
        .background()
        .load(
            () -> context.workspace().openBody(soul),
            body -> {
              reading = false;
              if (closed || replica == null) {
                return;
              }
              if (replica.isSending()) {
                resyncIfWanted(); // a batch went out meanwhile: read again once it is written
                return;
              }
              List<Splice> in = replica.resync(body);
              if (!in.isEmpty()) {
                host.applyRemote(in);
              }
              if (replica.hasPending()) {
                flush();
              }
            },
            "Could not load the latest text of the note")
        .whenComplete(
            (body, failure) -> {
              if (failure != null) {
                Platform.runLater(
                    () -> reading = false); // reported; the next change or edit tries again
              }
            });
  }

  private static Throwable unwrap(Throwable t) {
    Throwable cause = t;
    while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
