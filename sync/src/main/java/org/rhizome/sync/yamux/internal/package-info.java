/**
 * Implementation of org.rhizome.sync.yamux: public only so that the host can wire it; not an API.
 */
@NullMarked
package org.rhizome.sync.yamux.internal;

import org.jspecify.annotations.NullMarked;
