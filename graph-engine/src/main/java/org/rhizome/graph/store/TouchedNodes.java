package org.rhizome.graph.store;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
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

  /** Nodes that had no field rows when this transaction first read them. */
  private final Set<Soul> fresh = new HashSet<>();

  /** Per changed node, the fields whose value (not only clock) changed in this transaction. */
  private final Map<Soul, Set<String>> changedValues = new HashMap<>();

  /**
   * The text of values this transaction wrote from a string it held (a note's body, as its live
   * document gave it), so the index need not decode the bytes it was just encoded to. By identity
   * of the value array, which a {@link FieldState} never copies.
   */
  private final Map<byte[], String> strings = new IdentityHashMap<>();

  TouchedNodes(FieldTable fields) {
    this.fields = fields;
  }

  /** As {@link #set}, for a string value whose text is {@code text}. */
  void setString(Soul soul, String field, FieldState state, String text) throws SQLException {
    set(soul, field, state);
    strings.put(state.value(), text);
  }

  /** The text of a value written by {@link #setString} in this transaction, or null. */
  @Nullable String stringOf(byte[] value) {
    return strings.get(value);
  }

  /** The node's fields in this transaction (a live, mutable view owned by this object). */
  Map<String, FieldState> node(Soul soul) throws SQLException {
    Map<String, FieldState> node = nodes.get(soul);
    if (node == null) {
      node = fields.node(soul);
      nodes.put(soul, node);
      if (node.isEmpty()) {
        fresh.add(soul);
      }
    }
    return node;
  }

  /** Records a winning write: stores it and remembers the node for reindexing. */
  void set(Soul soul, String field, FieldState state) throws SQLException {
    Map<String, FieldState> node = node(soul); // read before the write, to see what it replaces
    fields.put(soul, field, state);
    FieldState before = node.put(field, state);
    changed.add(soul);
    if (before == null || !Arrays.equals(before.value(), state.value())) {
      changedValues.computeIfAbsent(soul, k -> new HashSet<>()).add(field);
    }
  }

  /** Removes a field: no write that may count for it remains (decision 0007). */
  void remove(Soul soul, String field) throws SQLException {
    Map<String, FieldState> node = node(soul);
    fields.delete(soul, field);
    node.remove(field);
    changed.add(soul);
    changedValues.computeIfAbsent(soul, k -> new HashSet<>()).add(field);
  }

  /**
   * Whether the node had no fields when this transaction first read it: then it has no index rows
   * yet, and the index need not look for them.
   */
  boolean isFresh(Soul soul) {
    return fresh.contains(soul);
  }

  /** The fields of {@code soul} whose value this transaction changed (not only their clock). */
  Set<String> changedValues(Soul soul) {
    return changedValues.getOrDefault(soul, Set.of());
  }

  Set<Soul> changed() {
    return changed;
  }
}
