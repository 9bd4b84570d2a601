package org.rhizome.graph.store;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.rhizome.graph.merge.FieldState;
import org.rhizome.graph.model.Soul;

/**
 * The nodes one write transaction has read or changed, with their fields as they stand inside it,
 * so each node is read once and the index is rebuilt from what was just merged. Confined to the
 * writer thread for one transaction.
 */
final class TouchedNodes {
  private final FieldTable fields;
  private final Map<Soul, Map<String, FieldState>> nodes = new HashMap<>();
  private final Set<Soul> changed = new LinkedHashSet<>();

  TouchedNodes(FieldTable fields) {
    this.fields = fields;
  }

  /** The node's fields in this transaction (a live, mutable view owned by this object). */
  Map<String, FieldState> node(Soul soul) throws SQLException {
    Map<String, FieldState> node = nodes.get(soul);
    if (node == null) {
      node = fields.node(soul);
      nodes.put(soul, node);
    }
    return node;
  }

  /** Records a winning write: stores it and remembers the node for reindexing. */
  void set(Soul soul, String field, FieldState state) throws SQLException {
    fields.put(soul, field, state);
    node(soul).put(field, state);
    changed.add(soul);
  }

  /** Removes a field: no write that may count for it remains (decision 0007). */
  void remove(Soul soul, String field) throws SQLException {
    fields.delete(soul, field);
    node(soul).remove(field);
    changed.add(soul);
  }

  Set<Soul> changed() {
    return changed;
  }
}
