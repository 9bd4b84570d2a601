/**
 * The engine's API types that every layer shares: what callers catch (the exceptions) and the
 * records that cross the engine's boundary. A leaf below the engine's internals: it depends on
 * {@code org.rhizome.graph.model} alone, so the store, the note code and the façade can all use it
 * without a package cycle.
 */
@NullMarked
package org.rhizome.graph.api;

import org.jspecify.annotations.NullMarked;
