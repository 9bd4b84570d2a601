/**
 * Offering remote changes to the engine: group commit for live changes, and isolating the one
 * change of a batch that cannot be stored.
 */
@NullMarked
package org.rhizome.sync.replication.apply;

import org.jspecify.annotations.NullMarked;
