package org.rhizome.graph.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Prepared statements kept per connection for the hot queries, since preparing costs more than
 * running most of them. A connection is used by one thread at a time (the store's pool hands each
 * to one reader), so the statements are too. Callers must not close what they get; the statements
 * close with their connection.
 */
final class CachedStatements {
  private static final Map<Connection, Map<String, PreparedStatement>> BY_CONNECTION =
      new WeakHashMap<>();

  private CachedStatements() {}

  static PreparedStatement prepare(Connection c, String sql) throws SQLException {
    Map<String, PreparedStatement> statements;
    synchronized (BY_CONNECTION) {
      statements = BY_CONNECTION.computeIfAbsent(c, k -> new HashMap<>());
    }
    PreparedStatement ps = statements.get(sql);
    if (ps == null || ps.isClosed()) {
      ps = c.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
  }
}
