package org.rhizome.graph;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.api.NoSuchNoteException;
import org.rhizome.graph.api.TitleTakenException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.markdown.LinkRewriter;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.note.NoteDraft;
import org.rhizome.graph.note.NoteFields;
import org.rhizome.graph.note.NoteFolders;
import org.rhizome.graph.note.NoteKeys;
import org.rhizome.graph.note.NoteTitles;
import org.rhizome.graph.note.Souls;
import org.rhizome.graph.query.NoteQueries;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.graph.store.ChangeAuthor;
import org.rhizome.graph.store.WriteTxn;
import org.rhizome.graph.store.WriterLookups;
import org.rhizome.graph.text.InsertOp;
import org.rhizome.graph.text.Splice;
import org.rhizome.graph.text.TextOp;

/**
 * Note operations as changes. Each method runs inside a writer transaction, so the checks it makes
 * (title taken, note exists) and the change it commits see one consistent state.
 */
final class NoteEditor {
  /** Keep each rename change well under the change size limit. */
  private static final int MAX_RENAME_CHANGE_BYTES = 1 << 20;

  private final ChangeAuthor author;
  private final Random random;
  private final LongSupplier wallMillis;

  NoteEditor(ChangeAuthor author, Random random, LongSupplier wallMillis) {
    this.author = author;
    this.random = random;
    this.wallMillis = wallMillis;
  }

  List<Soul> create(WriteTxn txn, List<NoteDraft> notes) throws Exception {
    return create(txn, notes, null);
  }

  /**
   * As {@link #create(WriteTxn, List)}; with an {@code owner}, the notes are protected: only that
   * person's devices may change them.
   */
  List<Soul> create(
      WriteTxn txn, List<NoteDraft> notes, @org.jspecify.annotations.Nullable ActorId owner)
      throws Exception {
    List<Soul> souls = new ArrayList<>(notes.size());
    Set<String> batchKeys = new HashSet<>();
    for (NoteDraft n : notes) {
      String title = NoteTitles.check(n.title());
      String folder = NoteFolders.check(n.folder());
      String key = NoteFolders.key(folder) + '/' + NoteKeys.titleKey(title);
      if (!batchKeys.add(key) || findByPath(txn, folder, title).isPresent()) {
        throw new TitleTakenException(NoteFolders.path(folder, title));
      }
      long now = wallMillis.getAsLong();
      Soul soul = Souls.newSoul(now, random);
      if (owner != null) {
        soul = org.rhizome.graph.membership.SystemSouls.owned(owner, soul.value());
      }
      souls.add(commitNew(txn, soul, title, folder, n.body(), now, List.of()));
    }
    return souls;
  }

  /**
   * Creates a private note of {@code owner} (decision 0008): {@code keyOps} gives, for its soul,
   * the ops on its seal node (key, readers, wraps) that go in the same change.
   */
  Soul createPrivate(
      WriteTxn txn, NoteDraft n, ActorId owner, java.util.function.Function<Soul, List<Op>> keyOps)
      throws Exception {
    String title = NoteTitles.check(n.title());
    String folder = NoteFolders.check(n.folder());
    if (findByPath(txn, folder, title).isPresent()) {
      throw new TitleTakenException(NoteFolders.path(folder, title));
    }
    long now = wallMillis.getAsLong();
    Soul soul =
        org.rhizome.graph.privacy.PrivateSouls.privateNote(
            owner, Souls.newSoul(now, random).value());
    return commitNew(txn, soul, title, folder, n.body(), now, keyOps.apply(soul));
  }

  private Soul commitNew(
      WriteTxn txn, Soul soul, String title, String folder, String body, long now, List<Op> extra)
      throws Exception {
    List<Op> ops = new ArrayList<>(5 + extra.size());
    ops.add(new Op.SetField(soul, NoteFields.TYPE, Value.of(NoteFields.NOTE_TYPE)));
    ops.add(new Op.SetField(soul, NoteFields.TITLE, Value.of(title)));
    ops.add(new Op.SetField(soul, NoteFields.CREATED, Value.of((double) now)));
    if (!folder.isEmpty()) {
      ops.add(new Op.SetField(soul, NoteFields.FOLDER, Value.of(folder)));
    }
    if (!body.isEmpty()) {
      ops.add(
          new Op.TextEdit(
              soul,
              NoteFields.BODY,
              txn.text(soul, NoteFields.BODY).splice(actor(), 0, 0, wellFormed(body))));
    }
    ops.addAll(extra);
    author.commit(txn, ops);
    return soul;
  }

  /**
   * Makes the body equal to {@code body} as one text edit (the differing middle); nothing when
   * equal.
   */
  Optional<Change> editBody(WriteTxn txn, Soul soul, String body) throws Exception {
    requireLive(txn.connection(), soul);
    List<TextOp> ops = txn.text(soul, NoteFields.BODY).replaceWith(actor(), wellFormed(body));
    if (ops.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(author.commit(txn, List.of(new Op.TextEdit(soul, NoteFields.BODY, ops))));
  }

  /**
   * Applies an editor's splices (code points) to the body as one change; nothing when they change
   * nothing.
   */
  Optional<Change> spliceBody(WriteTxn txn, Soul soul, List<Splice> splices) throws Exception {
    requireLive(txn.connection(), soul);
    List<Splice> clean = new ArrayList<>(splices.size());
    for (Splice sp : splices) {
      clean.add(new Splice(sp.position(), sp.deleteCount(), wellFormed(sp.text())));
    }
    List<TextOp> ops = txn.text(soul, NoteFields.BODY).splice(actor(), clean);
    if (ops.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(author.commit(txn, List.of(new Op.TextEdit(soul, NoteFields.BODY, ops))));
  }

  /**
   * Applies splices made on the body at version {@code base}: rebased past everything the body went
   * through since ({@link org.rhizome.graph.text.SpliceTransform} over the live timeline, or, when
   * the timeline does not reach back that far, by anchoring them to characters in the body as it
   * was at {@code base}, replayed from the log). Tags the text change with {@code origin}.
   */
  Optional<Change> spliceBodyAt(
      WriteTxn txn,
      Soul soul,
      org.rhizome.graph.text.TextVersion base,
      List<Splice> splices,
      long origin)
      throws Exception {
    requireLive(txn.connection(), soul);
    List<Splice> clean = new ArrayList<>(splices.size());
    for (Splice sp : splices) {
      clean.add(new Splice(sp.position(), sp.deleteCount(), wellFormed(sp.text())));
    }
    org.rhizome.graph.text.TextDocument doc = txn.text(soul, NoteFields.BODY);
    Optional<List<Splice>> since = txn.timeline(soul, NoteFields.BODY).effectsSince(base);
    List<TextOp> ops;
    if (since.isPresent()) {
      ops = doc.splice(actor(), org.rhizome.graph.text.SpliceTransform.rebase(clean, since.get()));
    } else {
      org.rhizome.graph.text.TextDocument baseDoc =
          org.rhizome.graph.text.TextHistory.documentAt(
              TextFieldHistory.ops(txn, soul, NoteFields.BODY), base);
      ops = doc.spliceOnto(actor(), baseDoc, clean);
    }
    if (ops.isEmpty()) {
      return Optional.empty();
    }
    txn.tagTextEdit(origin);
    return Optional.of(author.commit(txn, List.of(new Op.TextEdit(soul, NoteFields.BODY, ops))));
  }

  /**
   * Makes the body that was {@code read} equal to {@code body}, keeping what others changed since
   * it was read.
   */
  Optional<Change> editBodyFrom(WriteTxn txn, Soul soul, VersionedText read, String body)
      throws Exception {
    return spliceBodyAt(
        txn, soul, read.version(), TextFieldHistory.diff(read.text(), wellFormed(body)), 0);
  }

  Change delete(WriteTxn txn, Soul soul) throws Exception {
    requireLive(txn.connection(), soul);
    return author.commit(txn, List.of(new Op.SetField(soul, NoteFields.DELETED, Value.of(true))));
  }

  /**
   * Gives a note a new title and/or folder, and rewrites links so each keeps reaching the note it
   * reached, as Obsidian does: links to this note that would no longer reach it (a new title, or a
   * path that moved) get its new name (a bare name stays bare when that still reaches it from the
   * linking note; otherwise its full path), and the note's own links that would now reach another
   * note (its folder changed) get their target's full path. Links that reach it by an alias and
   * still do are left alone.
   */
  List<Change> relocate(WriteTxn txn, Soul soul, String newFolder, String newTitle)
      throws Exception {
    Connection c = txn.connection();
    NoteRef note = requireLive(c, soul);
    String title = NoteTitles.check(newTitle);
    String folder = NoteFolders.check(newFolder);
    Optional<Soul> holder = findByPath(txn, folder, title);
    if (holder.isPresent() && !holder.get().equals(soul)) {
      throw new TitleTakenException(NoteFolders.path(folder, title));
    }
    List<Op> ops = new ArrayList<>();
    ops.add(new Op.SetField(soul, NoteFields.TITLE, Value.of(title)));
    if (!folder.equals(note.folder())) {
      ops.add(new Op.SetField(soul, NoteFields.FOLDER, Value.of(folder)));
    }
    NoteRef after = new NoteRef(soul, title, note.created(), note.modified(), folder);
    for (NoteRef source : NoteQueries.possibleLinkers(c, soul)) {
      String body = NoteQueries.body(c, source.soul());
      String sourceAfter = source.soul().equals(soul) ? folder : source.folder();
      String rewritten;
      try {
        rewritten =
            LinkRewriter.retarget(
                body, target -> newTarget(c, source, sourceAfter, target, note, after));
      } catch (UncheckedSqlException e) {
        throw (SQLException) e.getCause();
      }
      if (!rewritten.equals(body)) {
        List<TextOp> edit =
            txn.text(source.soul(), NoteFields.BODY).replaceWith(actor(), rewritten);
        if (!edit.isEmpty()) {
          ops.add(new Op.TextEdit(source.soul(), NoteFields.BODY, edit));
        }
      }
    }
    List<Change> changes = new ArrayList<>();
    List<Op> chunk = new ArrayList<>();
    int bytes = 0;
    for (Op op : ops) {
      int size = 64;
      if (op instanceof Op.TextEdit edit) {
        for (TextOp t : edit.ops()) {
          size += t instanceof InsertOp ins ? ins.text().length() * 3 + 64 : 64;
        }
      }
      if (!chunk.isEmpty() && bytes + size > MAX_RENAME_CHANGE_BYTES) {
        changes.add(author.commit(txn, chunk));
        chunk = new ArrayList<>();
        bytes = 0;
      }
      chunk.add(op);
      bytes += size;
    }
    changes.add(author.commit(txn, chunk));
    return changes;
  }

  /**
   * Text with any lone UTF-16 surrogate replaced by U+FFFD, as string values are (no encoding
   * carries one).
   */
  private static String wellFormed(String text) {
    return ((Value.Str) Value.of(text)).value();
  }

  private ActorId actor() {
    return author.key().actor();
  }

  /**
   * The target a link in {@code source} should carry after the move, or null to leave it as
   * written.
   */
  private static @Nullable String newTarget(
      Connection c,
      NoteRef source,
      String sourceFolderAfter,
      String target,
      NoteRef before,
      NoteRef after) {
    try {
      Optional<NoteRef> reached = NoteQueries.resolve(c, source.folder(), target);
      if (reached.isEmpty()) {
        return null;
      }
      boolean toMoved = reached.get().soul().equals(before.soul());
      if (!toMoved && !source.soul().equals(before.soul())) {
        return null; // neither end of this link moved
      }
      NoteRef desired = toMoved ? after : reached.get();
      if (reachesAfter(c, sourceFolderAfter, target, desired, after)) {
        return null;
      }
      String suffix =
          target.regionMatches(true, Math.max(0, target.length() - 3), ".md", 0, 3) ? ".md" : "";
      String bare = desired.title() + suffix;
      boolean wasBare = target.indexOf('/') < 0;
      return wasBare && reachesAfter(c, sourceFolderAfter, bare, desired, after)
          ? bare
          : desired.path() + suffix;
    } catch (SQLException e) {
      throw new UncheckedSqlException(e);
    }
  }

  private static boolean reachesAfter(
      Connection c, String sourceFolder, String target, NoteRef desired, NoteRef moved)
      throws SQLException {
    return NoteQueries.resolveAfterMove(
            c, sourceFolder, target, moved.soul(), moved.folder(), moved.title())
        .map(desired.soul()::equals)
        .orElse(false);
  }

  /** Carries an SQLException out of a link-rewriting callback; unwrapped by {@link #relocate}. */
  private static final class UncheckedSqlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UncheckedSqlException(SQLException cause) {
      super(cause);
    }
  }

  private static Optional<Soul> findByPath(WriteTxn txn, String folder, String title)
      throws SQLException {
    return WriterLookups.liveNoteAt(txn, folder, title);
  }

  private static NoteRef requireLive(Connection c, Soul soul)
      throws SQLException, NoSuchNoteException {
    return NoteQueries.find(c, soul)
        .orElseThrow(() -> new NoSuchNoteException("There is no note " + soul + "."));
  }
}
