package org.rhizome.graph.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rhizome.graph.merge.FieldState;
import org.rhizome.graph.model.Soul;

/**
 * The materialised state: each node's fields with the clock and actor of their winning write.
 * Confined to one connection's thread.
 */
public final class FieldTable {
  private final Connection c;
  private final Actors actors;
  private PreparedStatement upsert;
  private PreparedStatement selectNode;

  public FieldTable(Connection c) {
    this(c, new Actors(c));
  }

  FieldTable(Connection c, Actors actors) {
    this.c = c;
    this.actors = actors;
  }

  public void put(Soul soul, String field, FieldState state) throws SQLException {
    if (upsert == null) {
      upsert =
          c.prepareStatement(
              "INSERT INTO field(soul, name, value, hlc, actor) VALUES (?,?,?,?,?)"
                  + " ON CONFLICT(soul, name) DO UPDATE SET value = excluded.value, hlc = excluded.hlc, actor = excluded.actor");
    }
    upsert.setString(1, soul.value());
    upsert.setString(2, field);
    upsert.setBytes(3, state.value());
    upsert.setLong(4, state.hlc());
    upsert.setLong(5, actors.idFor(state.actor()));
    upsert.executeUpdate();
  }

  /** All fields of a node, by name, in name order. Empty when the node has none. */
  public Map<String, FieldState> node(Soul soul) throws SQLException {
    if (selectNode == null) {
      selectNode =
          c.prepareStatement(
              "SELECT name, value, hlc, actor FROM field WHERE soul = ? ORDER BY name");
    }
    selectNode.setString(1, soul.value());
    Map<String, FieldState> out = new LinkedHashMap<>();
    try (ResultSet rs = selectNode.executeQuery()) {
      while (rs.next()) {
        out.put(
            rs.getString(1),
            new FieldState(rs.getBytes(2), rs.getLong(3), actors.key(rs.getLong(4))));
      }
    }
    return out;
  }

  /**
   * The fields of every node whose soul lies in [{@code from}, {@code to}) (e.g. all of a system
   * prefix), by soul, then by name.
   */
  public Map<Soul, Map<String, FieldState>> nodesBetween(String from, String to)
      throws SQLException {
    Map<Soul, Map<String, FieldState>> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT soul, name, value, hlc, actor FROM field WHERE soul >= ? AND soul < ? ORDER BY soul, name")) {
      ps.setString(1, from);
      ps.setString(2, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(new Soul(rs.getString(1)), k -> new LinkedHashMap<>())
              .put(
                  rs.getString(2),
                  new FieldState(rs.getBytes(3), rs.getLong(4), actors.key(rs.getLong(5))));
        }
      }
    }
    return out;
  }

  /** Removes one field (decision 0007: a field whose only writers were withheld). */
  void delete(Soul soul, String field) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM field WHERE soul = ? AND name = ?")) {
      ps.setString(1, soul.value());
      ps.setString(2, field);
      ps.executeUpdate();
    }
  }

  /**
   * The membership event fields ({@code role.}, {@code remove.}, {@code revoke.}) of the nodes
   * whose soul starts with {@code prefix}, by soul, then by name.
   */
  Map<Soul, Map<String, FieldState>> eventFields(String prefix) throws SQLException {
    Map<Soul, Map<String, FieldState>> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT soul, name, value, hlc, actor FROM field WHERE soul >= ? AND soul < ?"
                + " AND ((name >= 'role.' AND name < 'role/') OR (name >= 'remove.' AND name < 'remove/')"
                + " OR (name >= 'revoke.' AND name < 'revoke/')) ORDER BY soul, name")) {
      ps.setString(1, prefix);
      ps.setString(2, prefix.substring(0, prefix.length() - 1) + "/");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(new Soul(rs.getString(1)), k -> new LinkedHashMap<>())
              .put(
                  rs.getString(2),
                  new FieldState(rs.getBytes(3), rs.getLong(4), actors.key(rs.getLong(5))));
        }
      }
    }
    return out;
  }
}
