package org.rhizome.graph.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.api.CorruptDatabaseException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.encoding.DecodeException;
import org.rhizome.graph.merge.FieldState;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.text.InvalidTextOpException;
import org.rhizome.graph.text.MalformedTextException;
import org.rhizome.graph.text.MissingTextDependencyException;
import org.rhizome.graph.text.Splice;
import org.rhizome.graph.text.TextChange;
import org.rhizome.graph.text.TextDocument;
import org.rhizome.graph.text.TextException;
import org.rhizome.graph.text.TextOp;
import org.rhizome.graph.text.TextSnapshotCodec;
import org.rhizome.graph.text.TextTimeline;

/**
 * The writer's live text documents (note bodies): loaded from their stored snapshot on first use,
 * kept while recently used, and written back — the snapshot without its text in text_state, the
 * text as the field's materialised value, so it is stored once — at the end of every transaction
 * that changed them. The snapshot is sealed with a checksum of itself and the stored text (checked
 * on every load and by {@code NoteQueries.body}), so bytes changed at rest are reported as damage,
 * never shown as text. Each live document also keeps its {@link TextTimeline}, and every change to
 * it becomes a {@link TextChange} (its visible effect as splices) for the change feed. Confined to
 * the writer thread.
 */
final class TextDocuments {
  static final int CACHED = 512;

  record Key(Soul soul, String field) {}

  /**
   * What a transaction did to one document: the ops it applied and the clock of the last of them.
   */
  private static final class Pending {
    final List<TextOp> ops = new ArrayList<>();
    long hlc;
    ActorId actor;
  }

  /**
   * A cached document, its timeline, and the effects of edits not yet closed into a {@link
   * TextChange}.
   */
  static final class Live {
    final TextDocument doc;
    final TextTimeline timeline;
    final List<Splice> open = new ArrayList<>();

    Live(TextDocument doc) {
      this.doc = doc;
      this.timeline = new TextTimeline(doc.version());
      doc.recordEffects(open);
    }
  }

  private final Connection c;
  private final Map<Key, Pending> pending = new LinkedHashMap<>();

  /** The text changes of the transaction under way (or of the last catch-up), in order. */
  private final List<TextChange> changes = new ArrayList<>();

  /** The tag the next closed text change gets (see {@link #tagNext}). */
  private long nextOrigin;

  private final LinkedHashMap<Key, Live> cache =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Live> eldest) {
          return size() > CACHED && !pending.containsKey(eldest.getKey());
        }
      };
  private PreparedStatement select;
  private PreparedStatement upsert;

  TextDocuments(Connection c) {
    this.c = c;
  }

  /** The live document of a text field; an empty one when the field has none yet. */
  TextDocument get(Soul soul, String field) throws SQLException, StoreException {
    return live(soul, field).doc;
  }

  /** The live document of a text field with its timeline, loading it when not cached. */
  Live live(Soul soul, String field) throws SQLException, StoreException {
    Key key = new Key(soul, field);
    Live live = cache.get(key);
    if (live == null) {
      live = new Live(load(key));
      cache.put(key, live);
    }
    return live;
  }

  /** The next text change closed in this transaction carries {@code origin} (an editor's tag). */
  void tagNext(long origin) {
    nextOrigin = origin;
  }

  /** Takes the text changes gathered since the last call. */
  List<TextChange> takeChanges() {
    List<TextChange> out = List.copyOf(changes);
    changes.clear();
    return out;
  }

  private void close(Key key, Live live) {
    org.rhizome.graph.text.TextVersion before = live.timeline.version();
    org.rhizome.graph.text.TextVersion after = live.doc.version();
    if (live.open.isEmpty() && before.equals(after)) {
      return;
    }
    live.timeline.record(after, live.open);
    changes.add(new TextChange(key.soul(), key.field(), before, after, live.open, nextOrigin));
    live.open.clear();
    nextOrigin = 0;
  }

  /**
   * Brings cached documents up to date with changes another process committed to the file (their
   * state is already stored: nothing is written), recording their effects as text changes. A
   * document that does not take them is dropped, to be loaded again when next used.
   */
  void catchUp(List<Change> foreign) {
    for (Change change : foreign) {
      for (Op op : change.ops()) {
        if (!(op instanceof Op.TextEdit edit)) {
          continue;
        }
        Key key = new Key(edit.soul(), edit.field());
        Live live = cache.get(key);
        if (live == null) {
          continue;
        }
        try {
          for (TextOp t : edit.ops()) {
            live.doc.apply(t);
          }
          close(key, live);
        } catch (TextException e) {
          cache.remove(key);
        }
      }
    }
  }

  /**
   * The nodes of the write transaction under way, null outside one: a field with no row there has
   * no stored text (its snapshot is only stored beside the field's row), so nothing is read.
   */
  private @Nullable TouchedNodes txnNodes;

  /** Call as a write transaction starts, with its nodes. */
  void begin(TouchedNodes nodes) {
    txnNodes = nodes;
  }

  /** Call as a write transaction ends, committed or not. */
  void end() {
    txnNodes = null;
  }

  private TextDocument load(Key key) throws SQLException, StoreException {
    // Every field write of the transaction goes through its nodes, so their view is the table's.
    // A new note's body is then not looked for: its node was read (and found empty) anyway.
    if (txnNodes != null && !txnNodes.node(key.soul()).containsKey(key.field())) {
      return new TextDocument();
    }
    if (select == null) {
      // The snapshot is stored without its text, which is the field's value beside it.
      select =
          c.prepareStatement(
              "SELECT t.snapshot, f.value FROM text_state t JOIN field f ON f.soul = t.soul AND f.name = t.name"
                  + " WHERE t.soul = ? AND t.name = ?");
    }
    select.setString(1, key.soul().value());
    select.setString(2, key.field());
    try (ResultSet rs = select.executeQuery()) {
      if (!rs.next()) {
        return new TextDocument();
      }
      byte[] snapshot = rs.getBytes(1);
      byte[] value = rs.getBytes(2);
      TextSnapshotCodec.checkSeal(snapshot, value);
      String text = ValueCodec.decode(value) instanceof Value.Str s ? s.value() : "";
      return TextSnapshotCodec.decodeWithText(snapshot, text);
    } catch (MalformedTextException | DecodeException e) {
      throw new CorruptDatabaseException(
          "the stored text of "
              + key.field()
              + " of "
              + key.soul()
              + " cannot be read: "
              + e.getMessage(),
          e);
    }
  }

  /** Records ops already applied to the live document (this device's own edits). */
  void applied(Soul soul, String field, List<TextOp> ops, long hlc, ActorId actor) {
    Key key = new Key(soul, field);
    Pending p = pending.computeIfAbsent(key, k -> new Pending());
    p.ops.addAll(ops);
    p.hlc = hlc;
    p.actor = actor;
    Live live = cache.get(key);
    if (live != null) {
      close(key, live);
    }
  }

  /**
   * Merges a remote change's text edits into the live documents, all or nothing: when one op is
   * refused, every document this call touched is put back as it was before it.
   */
  void applyAll(List<Op.TextEdit> edits, long hlc, ActorId actor)
      throws MissingTextDependencyException, InvalidTextOpException, SQLException, StoreException {
    Map<Key, Integer> before = new LinkedHashMap<>();
    int mark = changes.size();
    try {
      for (Op.TextEdit edit : edits) {
        Key key = new Key(edit.soul(), edit.field());
        Pending p = pending.get(key);
        before.putIfAbsent(key, p == null ? -1 : p.ops.size());
        TextDocument doc = get(edit.soul(), edit.field());
        for (TextOp op : edit.ops()) {
          doc.apply(op);
        }
        applied(edit.soul(), edit.field(), edit.ops(), hlc, actor);
      }
    } catch (MissingTextDependencyException | InvalidTextOpException e) {
      changes.subList(mark, changes.size()).clear();
      for (Map.Entry<Key, Integer> b : before.entrySet()) {
        Pending p = pending.get(b.getKey());
        if (b.getValue() < 0) {
          pending.remove(b.getKey());
        } else if (p != null) {
          p.ops.subList(b.getValue(), p.ops.size()).clear();
        }
        restore(b.getKey());
      }
      throw e;
    }
  }

  /** Rebuilds a document from its stored snapshot and what this transaction applied before. */
  private void restore(Key key) throws SQLException, StoreException {
    TextDocument doc = load(key);
    Live old = cache.get(key);
    if (old != null) {
      old.doc.recordEffects(null);
    }
    Pending p = pending.get(key);
    if (p != null) {
      for (TextOp op : p.ops) {
        try {
          doc.apply(op);
        } catch (MissingTextDependencyException | InvalidTextOpException e) {
          throw new IllegalStateException("an op applied in this transaction no longer applies", e);
        }
      }
    }
    cache.put(key, new Live(doc));
  }

  /**
   * Writes every changed document's snapshot, and its text as the field's value, into {@code
   * nodes}.
   */
  void flush(TouchedNodes nodes) throws SQLException {
    for (Map.Entry<Key, Pending> e : pending.entrySet()) {
      Pending p = e.getValue();
      store(e.getKey(), cache.get(e.getKey()).doc, p.hlc, p.actor, nodes);
    }
    pending.clear();
  }

  /**
   * Writes {@code doc} as the stored text of {@code key}: its snapshot sealed with a checksum of
   * the text as stored (so a changed byte is found on reading), and the text as the field's value
   * in {@code nodes}, written at {@code hlc} by {@code actor}. The live copy, if any, is not
   * touched.
   */
  void store(Key key, TextDocument doc, long hlc, ActorId actor, TouchedNodes nodes)
      throws SQLException {
    if (upsert == null) {
      upsert =
          c.prepareStatement(
              "INSERT INTO text_state(soul, name, snapshot) VALUES (?,?,?)"
                  + " ON CONFLICT(soul, name) DO UPDATE SET snapshot = excluded.snapshot");
    }
    String text = doc.text();
    byte[] value = ValueCodec.encode(Value.of(text));
    upsert.setString(1, key.soul().value());
    upsert.setString(2, key.field());
    upsert.setBytes(3, TextSnapshotCodec.encodeSealed(doc, value));
    upsert.executeUpdate();
    nodes.setString(key.soul(), key.field(), new FieldState(value, hlc, actor), text);
  }

  /** After a rollback: what the cache holds may include undone edits. */
  void forget() {
    pending.clear();
    cache.clear();
    changes.clear();
    nextOrigin = 0;
  }
}
