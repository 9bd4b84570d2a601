package org.rhizome.graph.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rhizome.graph.ActorId;
import org.rhizome.graph.Soul;
import org.rhizome.graph.Value;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.encoding.DecodeException;
import org.rhizome.graph.merge.FieldState;
import org.rhizome.graph.text.MalformedTextException;
import org.rhizome.graph.text.InvalidTextOpException;
import org.rhizome.graph.text.MissingTextDependencyException;
import org.rhizome.graph.text.TextDocument;
import org.rhizome.graph.text.TextOp;
import org.rhizome.graph.text.TextSnapshotCodec;

/**
 * The writer's live text documents (note bodies): loaded from their stored snapshot on first use,
 * kept while recently used, and written back — the snapshot without its text in text_state, the
 * text as the field's materialised value, so it is stored once — at the end of every transaction
 * that changed them. Confined to the writer
 * thread.
 */
final class TextDocuments {
  static final int CACHED = 512;

  record Key(Soul soul, String field) {}

  /** What a transaction did to one document: the ops it applied and the clock of the last of them. */
  private static final class Pending {
    final List<TextOp> ops = new ArrayList<>();
    long hlc;
    ActorId actor;
  }

  private final Connection c;
  private final Map<Key, Pending> pending = new LinkedHashMap<>();
  private final LinkedHashMap<Key, TextDocument> cache = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, TextDocument> eldest) {
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
    Key key = new Key(soul, field);
    TextDocument doc = cache.get(key);
    if (doc == null) {
      doc = load(key);
      cache.put(key, doc);
    }
    return doc;
  }

  private TextDocument load(Key key) throws SQLException, StoreException {
    if (select == null) {
      // The snapshot is stored without its text, which is the field's value beside it.
      select = c.prepareStatement("SELECT t.snapshot, f.value FROM text_state t JOIN field f ON f.soul = t.soul AND f.name = t.name"
          + " WHERE t.soul = ? AND t.name = ?");
    }
    select.setString(1, key.soul().value());
    select.setString(2, key.field());
    try (ResultSet rs = select.executeQuery()) {
      if (!rs.next()) {
        return new TextDocument();
      }
      String text = ValueCodec.decode(rs.getBytes(2)) instanceof Value.Str s ? s.value() : "";
      return TextSnapshotCodec.decodeWithText(rs.getBytes(1), text);
    } catch (MalformedTextException | DecodeException e) {
      throw new CorruptDatabaseException("the stored text of " + key.field() + " of " + key.soul() + " cannot be read: "
          + e.getMessage(), e);
    }
  }

  /** Records ops already applied to the live document (this device's own edits). */
  void applied(Soul soul, String field, List<TextOp> ops, long hlc, ActorId actor) {
    Pending p = pending.computeIfAbsent(new Key(soul, field), k -> new Pending());
    p.ops.addAll(ops);
    p.hlc = hlc;
    p.actor = actor;
  }

  /**
   * Merges a remote change's text edits into the live documents, all or nothing: when one op is
   * refused, every document this call touched is put back as it was before it.
   */
  void applyAll(List<Op.TextEdit> edits, long hlc, ActorId actor)
      throws MissingTextDependencyException, InvalidTextOpException, SQLException, StoreException {
    Map<Key, Integer> before = new LinkedHashMap<>();
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
    cache.put(key, doc);
  }

  /** Writes every changed document's snapshot, and its text as the field's value, into {@code nodes}. */
  void flush(TouchedNodes nodes) throws SQLException {
    if (upsert == null) {
      upsert = c.prepareStatement("INSERT INTO text_state(soul, name, snapshot) VALUES (?,?,?)"
          + " ON CONFLICT(soul, name) DO UPDATE SET snapshot = excluded.snapshot");
    }
    for (Map.Entry<Key, Pending> e : pending.entrySet()) {
      Key key = e.getKey();
      TextDocument doc = cache.get(key);
      upsert.setString(1, key.soul().value());
      upsert.setString(2, key.field());
      upsert.setBytes(3, TextSnapshotCodec.encodeWithoutText(doc));
      upsert.executeUpdate();
      Pending p = e.getValue();
      nodes.set(key.soul(), key.field(), new FieldState(ValueCodec.encode(Value.of(doc.text())), p.hlc, p.actor));
    }
    pending.clear();
  }

  /** After a rollback: what the cache holds may include undone edits. */
  void forget() {
    pending.clear();
    cache.clear();
  }
}
