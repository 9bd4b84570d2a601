package org.rhizome.graph.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.merge.FieldMerge;
import org.rhizome.graph.merge.FieldState;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.text.DeleteOp;
import org.rhizome.graph.text.InsertOp;
import org.rhizome.graph.text.InvalidTextOpException;
import org.rhizome.graph.text.MissingTextDependencyException;
import org.rhizome.graph.text.TextDocument;
import org.rhizome.graph.text.TextId;
import org.rhizome.graph.text.TextOp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes kept without effect (decision 0007): a change whose author's role does not allow it is
 * still stored — later changes of members in good standing may depend on it, and their text may be
 * anchored on its characters — but only its membership facts count. Its inserted characters are
 * tombstones from the start, and its deletions delete nothing: each becomes a tombstone run holding
 * the delete's counters, so the author's later events still find their place.
 *
 * <p>When an event changes which changes count, {@link #reconsider} takes back the effects of the
 * ones that stopped counting (and restores those that count again): it recomputes, from the log,
 * every field and text they touched. Confined to the writer thread.
 */
final class Withholding {
  private static final Logger log = LoggerFactory.getLogger(Withholding.class);

  /**
   * The author of the tombstoning deletes, which are never signed or sent: only the local document
   * holds them.
   */
  static final ActorId WITHHOLDER = ActorId.of(new byte[ActorId.LENGTH]);

  private static final String FILLER = "\u2060";

  private Withholding() {}

  /** The text edits a withheld change leaves: as {@link Withholding} says. */
  static List<Op.TextEdit> withheldEdits(Change change, Map<TextDocuments.Key, Long> next) {
    List<Op.TextEdit> out = new ArrayList<>();
    for (Op op : change.ops()) {
      if (!(op instanceof Op.TextEdit edit)) {
        continue;
      }
      TextDocuments.Key key = new TextDocuments.Key(edit.soul(), edit.field());
      List<TextOp> ops = new ArrayList<>();
      for (TextOp t : edit.ops()) {
        long seq = next.getOrDefault(key, 0L);
        if (t instanceof InsertOp insert) {
          ops.add(insert);
          ops.add(new DeleteOp(new TextId(WITHHOLDER, seq), insert.id(), insert.length()));
          next.put(key, seq + insert.length());
        } else if (t instanceof DeleteOp delete) {
          ops.add(new InsertOp(delete.id(), null, null, FILLER.repeat(delete.length())));
          ops.add(new DeleteOp(new TextId(WITHHOLDER, seq), delete.id(), delete.length()));
          next.put(key, seq + delete.length());
        }
      }
      out.add(new Op.TextEdit(edit.soul(), edit.field(), ops));
    }
    return out;
  }

  /** The next counter of {@link #WITHHOLDER} in each text a change edits. */
  static Map<TextDocuments.Key, Long> counters(Change change, TextDocuments texts)
      throws SQLException, StoreException {
    Map<TextDocuments.Key, Long> next = new HashMap<>();
    for (Op op : change.ops()) {
      if (op instanceof Op.TextEdit edit) {
        TextDocuments.Key key = new TextDocuments.Key(edit.soul(), edit.field());
        if (!next.containsKey(key)) {
          next.put(key, texts.get(edit.soul(), edit.field()).nextSeq(WITHHOLDER));
        }
      }
    }
    return next;
  }

  /** Stores a withheld change's facts (its content has no effect). */
  static void mergeFacts(Change change, TouchedNodes nodes) throws SQLException {
    for (Op op : change.ops()) {
      if (op instanceof Op.SetField set && RoleView.isFact(set)) {
        merge(change, set, nodes);
      }
    }
  }

  static void merge(Change change, Op.SetField set, TouchedNodes nodes) throws SQLException {
    FieldState candidate =
        new FieldState(ValueCodec.encode(set.value()), change.hlc(), change.actor());
    FieldState current = nodes.node(set.soul()).get(set.field());
    if (current == null || FieldMerge.wins(candidate, current)) {
      nodes.set(set.soul(), set.field(), candidate);
    }
  }

  /**
   * After an event: finds the changes whose effect {@code before} and {@code after} judge
   * differently, and recomputes every field and text they touch from the changes that count now.
   *
   * @return how many changes changed sides
   */
  static int reconsider(
      RoleView before,
      RoleView after,
      ChangeLog changeLog,
      TextDocuments texts,
      TouchedNodes nodes,
      java.sql.Connection connection)
      throws SQLException, StoreException {
    if (before.valid().equals(after.valid())) {
      return 0;
    }
    Set<FieldKey> fields = new LinkedHashSet<>();
    Set<TextDocuments.Key> textKeys = new LinkedHashSet<>();
    int flipped = 0;
    long cursor = 0;
    List<ChangeLog.Entry> page;
    while (!(page = changeLog.entriesAfter(cursor, 1000)).isEmpty()) {
      for (ChangeLog.Entry e : page) {
        cursor = e.id();
        Change c = e.change();
        if (before.permits(c) == after.permits(c)) {
          continue;
        }
        flipped++;
        for (Op op : c.ops()) {
          if (op instanceof Op.TextEdit edit) {
            textKeys.add(new TextDocuments.Key(edit.soul(), edit.field()));
          } else if (op instanceof Op.SetField set && !RoleView.isFact(set)) {
            fields.add(new FieldKey(set.soul(), set.field()));
          }
        }
      }
    }
    if (flipped == 0) {
      return 0;
    }
    recomputeFields(fields, after, changeLog, nodes);
    texts.flush(nodes); // what this transaction merged so far is written before texts are rebuilt
    for (TextDocuments.Key key : textKeys) {
      rebuildText(key, after, changeLog, texts, nodes, connection);
    }
    texts.forget(); // the rebuilt texts are read back from the table when next used
    return flipped;
  }

  private record FieldKey(Soul soul, String field) {}

  private static void recomputeFields(
      Set<FieldKey> keys, RoleView view, ChangeLog changeLog, TouchedNodes nodes)
      throws SQLException, StoreException {
    if (keys.isEmpty()) {
      return;
    }
    Map<FieldKey, FieldState> winners = new LinkedHashMap<>();
    long cursor = 0;
    List<ChangeLog.Entry> page;
    while (!(page = changeLog.entriesAfter(cursor, 1000)).isEmpty()) {
      for (ChangeLog.Entry e : page) {
        cursor = e.id();
        Change c = e.change();
        Boolean counts = null;
        for (Op op : c.ops()) {
          if (!(op instanceof Op.SetField set)) {
            continue;
          }
          FieldKey key = new FieldKey(set.soul(), set.field());
          if (!keys.contains(key)) {
            continue;
          }
          if (counts == null) {
            counts = view.permits(c);
          }
          if (!counts) {
            break;
          }
          FieldState candidate = new FieldState(ValueCodec.encode(set.value()), c.hlc(), c.actor());
          FieldState best = winners.get(key);
          if (best == null || FieldMerge.wins(candidate, best)) {
            winners.put(key, candidate);
          }
        }
      }
    }
    for (FieldKey key : keys) {
      FieldState winner = winners.get(key);
      FieldState current = nodes.node(key.soul()).get(key.field());
      if (winner == null) {
        if (current != null) {
          nodes.remove(key.soul(), key.field());
        }
      } else if (current == null || !current.equals(winner)) {
        nodes.set(key.soul(), key.field(), winner);
      }
    }
  }

  private static void rebuildText(
      TextDocuments.Key key,
      RoleView view,
      ChangeLog changeLog,
      TextDocuments texts,
      TouchedNodes nodes,
      java.sql.Connection connection)
      throws SQLException, StoreException {
    TextDocument doc = new TextDocument();
    long lastHlc = 0;
    ActorId lastActor = WITHHOLDER;
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT log_id FROM text_edit WHERE soul = ? AND name = ? ORDER BY log_id")) {
      ps.setString(1, key.soul().value());
      ps.setString(2, key.field());
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    for (long id : ids) {
      Change c = changeLog.loadById(id).orElse(null);
      if (c == null) {
        continue;
      }
      List<Op.TextEdit> edits;
      if (view.permits(c)) {
        edits = new ArrayList<>();
        for (Op op : c.ops()) {
          if (op instanceof Op.TextEdit edit) {
            edits.add(edit);
          }
        }
      } else {
        Map<TextDocuments.Key, Long> next = new HashMap<>();
        next.put(key, doc.nextSeq(WITHHOLDER));
        edits = new ArrayList<>();
        for (Op.TextEdit edit : withheldEdits(c, next)) {
          edits.add(edit);
        }
      }
      for (Op.TextEdit edit : edits) {
        if (!edit.soul().equals(key.soul()) || !edit.field().equals(key.field())) {
          continue;
        }
        for (TextOp op : edit.ops()) {
          try {
            doc.apply(op);
          } catch (MissingTextDependencyException | InvalidTextOpException e) {
            // The log is in causal order and held these ops before: this cannot happen short of
            // damage, and one op lost beats a workspace that stops taking changes.
            log.warn(
                "rebuilding {} of {}: an op no longer applies: {}",
                key.field(),
                key.soul(),
                e.toString());
          }
        }
      }
      lastHlc = c.hlc();
      lastActor = c.actor();
    }
    texts.store(key, doc, lastHlc, lastActor, nodes);
  }
}
