/**
 * A way back from a damaged workspace file: {@link org.rhizome.graph.repair.WorkspaceCheck} reads a
 * file without writing to it and reports every kind of damage it can see (SQLite's own integrity
 * check, the change log's hashes, chains and signatures, the materialised state against a replay of
 * the log); {@link org.rhizome.graph.repair.WorkspaceRepair} rebuilds a new file from every change
 * that can still be read and swaps it in, keeping the damaged one beside it.
 */
@NullMarked
package org.rhizome.graph.repair;

import org.jspecify.annotations.NullMarked;
