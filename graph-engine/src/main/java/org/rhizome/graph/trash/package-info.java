/**
 * The trash: deleted notes (tombstoned with {@code deleted = true}, their fields kept) listed with
 * who deleted them and when, restored as a normal signed change, and emptied as a replicated change
 * that clears their content from every replica's materialised state (the log keeps its history).
 * See docs/decisions/0006-trash.md.
 */
@NullMarked
package org.rhizome.graph.trash;

import org.jspecify.annotations.NullMarked;
