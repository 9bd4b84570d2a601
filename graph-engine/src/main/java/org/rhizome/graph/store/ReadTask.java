package org.rhizome.graph.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.rhizome.graph.api.StoreException;

/** Work on a read-only connection, run on the caller's thread. */
@FunctionalInterface
public interface ReadTask<T> {
  T run(Connection connection) throws SQLException, StoreException;
}
