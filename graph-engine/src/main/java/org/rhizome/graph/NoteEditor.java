package org.rhizome.graph;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.markdown.LinkRewriter;
import org.rhizome.graph.note.NoSuchNoteException;
import org.rhizome.graph.note.NoteFields;
import org.rhizome.graph.note.NoteKeys;
import org.rhizome.graph.note.NoteTitles;
import org.rhizome.graph.note.Souls;
import org.rhizome.graph.note.TitleTakenException;
import org.rhizome.graph.query.NoteQueries;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.graph.store.ChangeAuthor;
import org.rhizome.graph.store.WriteTxn;
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

  record NewNote(String title, String body) {}

  List<Soul> create(WriteTxn txn, List<NewNote> notes) throws Exception {
    List<Soul> souls = new ArrayList<>(notes.size());
    Set<String> batchKeys = new HashSet<>();
    for (NewNote n : notes) {
      String title = NoteTitles.check(n.title());
      String key = NoteKeys.titleKey(title);
      if (!batchKeys.add(key) || findByTitle(txn, key).isPresent()) {
        throw new TitleTakenException(title);
      }
      long now = wallMillis.getAsLong();
      Soul soul = Souls.newSoul(now, random);
      List<Op> ops = new ArrayList<>(4);
      ops.add(new Op.SetField(soul, NoteFields.TYPE, Value.of(NoteFields.NOTE_TYPE)));
      ops.add(new Op.SetField(soul, NoteFields.TITLE, Value.of(title)));
      ops.add(new Op.SetField(soul, NoteFields.CREATED, Value.of((double) now)));
      if (!n.body().isEmpty()) {
        ops.add(new Op.TextEdit(soul, NoteFields.BODY, txn.text(soul, NoteFields.BODY).splice(actor(), 0, 0, wellFormed(n.body()))));
      }
      author.commit(txn, ops);
      souls.add(soul);
    }
    return souls;
  }

  /** Makes the body equal to {@code body} as one text edit (the differing middle); nothing when equal. */
  Optional<Change> editBody(WriteTxn txn, Soul soul, String body) throws Exception {
    requireLive(txn.connection(), soul);
    List<TextOp> ops = txn.text(soul, NoteFields.BODY).replaceWith(actor(), wellFormed(body));
    if (ops.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(author.commit(txn, List.of(new Op.TextEdit(soul, NoteFields.BODY, ops))));
  }

  /** Applies an editor's splices (code points) to the body as one change; nothing when they change nothing. */
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

  Change delete(WriteTxn txn, Soul soul) throws Exception {
    requireLive(txn.connection(), soul);
    return author.commit(txn, List.of(new Op.SetField(soul, NoteFields.DELETED, Value.of(true))));
  }

  /**
   * Renames a note and rewrites the target of every link to it in other notes (and in itself), so
   * links keep pointing at the same note, as Obsidian does. Links that reach it by an alias are
   * left alone: the alias still names it.
   */
  List<Change> rename(WriteTxn txn, Soul soul, String newTitle) throws Exception {
    Connection c = txn.connection();
    NoteRef note = requireLive(c, soul);
    String title = NoteTitles.check(newTitle);
    String oldKey = NoteKeys.titleKey(note.title());
    String newKey = NoteKeys.titleKey(title);
    Optional<Soul> holder = findByTitle(txn, newKey);
    if (holder.isPresent() && !holder.get().equals(soul)) {
      throw new TitleTakenException(title);
    }
    List<Op> ops = new ArrayList<>();
    ops.add(new Op.SetField(soul, NoteFields.TITLE, Value.of(title)));
    boolean linksReachIt = NoteQueries.resolve(c, note.title()).map(r -> r.soul().equals(soul)).orElse(false);
    if (linksReachIt && !oldKey.equals(newKey)) {
      for (Map.Entry<Soul, String> source : linkingSources(c, oldKey).entrySet()) {
        String rewritten = LinkRewriter.retarget(source.getValue(), t -> NoteKeys.linkKey(t).equals(oldKey), title);
        if (!rewritten.equals(source.getValue())) {
          List<TextOp> edit = txn.text(source.getKey(), NoteFields.BODY).replaceWith(actor(), rewritten);
          if (!edit.isEmpty()) {
            ops.add(new Op.TextEdit(source.getKey(), NoteFields.BODY, edit));
          }
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

  /** Text with any lone UTF-16 surrogate replaced by U+FFFD, as string values are (no encoding carries one). */
  private static String wellFormed(String text) {
    return ((Value.Str) Value.of(text)).value();
  }

  private ActorId actor() {
    return author.key().actor();
  }

  private static Map<Soul, String> linkingSources(Connection c, String key) throws Exception {
    List<Soul> souls = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT n.soul FROM link l JOIN note n ON n.id = l.src"
        + " WHERE l.target_key = ? AND n.deleted = 0")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          souls.add(new Soul(rs.getString(1)));
        }
      }
    }
    Map<Soul, String> bodies = new LinkedHashMap<>();
    for (Soul s : souls) {
      bodies.put(s, NoteQueries.body(c, s));
    }
    return bodies;
  }

  private static Optional<Soul> findByTitle(WriteTxn txn, String titleKey) throws SQLException {
    PreparedStatement ps = txn.prepare("SELECT soul FROM note WHERE title_key = ? AND deleted = 0 LIMIT 1");
    ps.setString(1, titleKey);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(new Soul(rs.getString(1))) : Optional.empty();
    }
  }

  private static NoteRef requireLive(Connection c, Soul soul) throws SQLException, NoSuchNoteException {
    return NoteQueries.find(c, soul).orElseThrow(() -> new NoSuchNoteException("There is no note " + soul + "."));
  }
}
