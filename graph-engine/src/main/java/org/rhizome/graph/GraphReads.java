package org.rhizome.graph;

import java.util.Map;
import java.util.TreeMap;
import org.rhizome.graph.api.CorruptDatabaseException;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.api.WorkspaceStatus;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.encoding.DecodeException;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.model.WorkspaceId;
import org.rhizome.graph.query.NoteQueries;
import org.rhizome.graph.store.ChangeLog;
import org.rhizome.graph.store.FieldTable;
import org.rhizome.graph.store.GraphStore;
import org.rhizome.graph.store.StateDigest;

/** The reads below the notes: a node's raw fields, the replica's status and its state digest. */
final class GraphReads {
  private final GraphStore store;

  GraphReads(GraphStore store) {
    this.store = store;
  }

  Map<String, Value> node(Soul soul) throws StoreException {
    return store.read(
        c -> {
          Map<String, Value> out = new TreeMap<>();
          for (var e : new FieldTable(c).node(soul).entrySet()) {
            Value v;
            try {
              v = ValueCodec.decode(e.getValue().value());
            } catch (DecodeException bad) {
              throw new CorruptDatabaseException(
                  "field " + e.getKey() + " of " + soul + " is unreadable", bad);
            }
            if (!v.isNull()) {
              out.put(e.getKey(), v);
            }
          }
          return out;
        });
  }

  WorkspaceStatus status(WorkspaceId id, ActorId actor) throws StoreException {
    return store.read(
        c ->
            new WorkspaceStatus(
                id,
                actor,
                NoteQueries.count(c),
                new ChangeLog(c).count(),
                new ChangeLog(c).versionVector(),
                StateDigest.compute(c)));
  }

  String digest() throws StoreException {
    return store.read(StateDigest::compute);
  }
}
