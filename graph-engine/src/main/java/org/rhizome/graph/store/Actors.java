package org.rhizome.graph.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.model.ActorId;

/**
 * The local numbering of actors: other tables store a small integer instead of the 32-byte key.
 * Caches both directions; confined to one connection's thread. After a rolled-back transaction call
 * {@link #forget()}, since numbers handed out inside it no longer exist.
 */
final class Actors {
  private final Connection c;
  private final Map<ActorId, Long> ids = new HashMap<>();
  private final Map<Long, ActorId> keys = new HashMap<>();
  private PreparedStatement selectId;
  private PreparedStatement selectKey;
  private PreparedStatement insert;
  private PreparedStatement lastId;

  Actors(Connection c) {
    this.c = c;
  }

  Optional<Long> find(ActorId actor) throws SQLException {
    Long id = ids.get(actor);
    if (id != null) {
      return Optional.of(id);
    }
    if (selectId == null) {
      selectId = c.prepareStatement("SELECT id FROM actor WHERE key = ?");
    }
    selectId.setBytes(1, actor.toBytes());
    try (ResultSet rs = selectId.executeQuery()) {
      if (rs.next()) {
        remember(actor, rs.getLong(1));
        return Optional.of(rs.getLong(1));
      }
    }
    return Optional.empty();
  }

  /** The actor's number, adding the actor (with no changes yet) when it is new. Writer only. */
  long idFor(ActorId actor) throws SQLException {
    Optional<Long> known = find(actor);
    if (known.isPresent()) {
      return known.get();
    }
    if (insert == null) {
      insert = c.prepareStatement("INSERT INTO actor(key, seq, head) VALUES (?, 0, ?)");
      lastId = c.prepareStatement("SELECT last_insert_rowid()");
    }
    insert.setBytes(1, actor.toBytes());
    insert.setBytes(2, Change.NO_PREVIOUS.toBytes());
    insert.executeUpdate();
    try (ResultSet rs = lastId.executeQuery()) {
      rs.next();
      remember(actor, rs.getLong(1));
      return rs.getLong(1);
    }
  }

  ActorId key(long id) throws SQLException {
    ActorId key = keys.get(id);
    if (key != null) {
      return key;
    }
    if (selectKey == null) {
      selectKey = c.prepareStatement("SELECT key FROM actor WHERE id = ?");
    }
    selectKey.setLong(1, id);
    try (ResultSet rs = selectKey.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("no actor numbered " + id);
      }
      key = ActorId.of(rs.getBytes(1));
    }
    remember(key, id);
    return key;
  }

  private void remember(ActorId actor, long id) {
    ids.put(actor, id);
    keys.put(id, actor);
  }

  void forget() {
    ids.clear();
    keys.clear();
  }
}
