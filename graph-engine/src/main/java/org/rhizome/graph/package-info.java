/**
 * The graph engine's public API: workspaces of nodes (souls) and fields, notes on top of them,
 * queries, and the change feed. See {@code docs/INTERNALS.md} for the change format and merge
 * rules.
 */
@NullMarked
package org.rhizome.graph;

import org.jspecify.annotations.NullMarked;
