/**
 * Catch-up: pulling what a peer has and we lack, in acknowledged batches; the state machines
 * ({@link org.rhizome.sync.replication.catchup.PullClient}, {@link
 * org.rhizome.sync.replication.catchup.PullServer}), their codec and stream driver, and when pulls
 * run.
 */
@NullMarked
package org.rhizome.sync.replication.catchup;

import org.jspecify.annotations.NullMarked;
