package org.rhizome.graph.store;

import java.util.List;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.text.TextChange;

/**
 * Hears every commit to the store's file, on the writer thread: this store's own transactions, and
 * (found through SQLite's {@code data_version}) those another process made. Must hand work off
 * quickly.
 */
@FunctionalInterface
public interface CommitListener {
  /**
   * @param changes the changes committed, in log order
   * @param texts what they did to the text fields the writer holds live, as editor splices, in
   *     order
   * @param otherProcess true when another connection to the file (the CLI, {@code serve}) committed
   *     them
   */
  void committed(List<Change> changes, List<TextChange> texts, boolean otherProcess);
}
