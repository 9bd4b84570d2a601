/**
 * Implementation of org.rhizome.sync.gossip: public only so that the host can wire it; not an API.
 */
@NullMarked
package org.rhizome.sync.gossip.internal;

import org.jspecify.annotations.NullMarked;
