/**
 * Implementation of org.rhizome.sync.transport: public only so that the host can wire it; not an
 * API.
 */
@NullMarked
package org.rhizome.sync.transport.internal;

import org.jspecify.annotations.NullMarked;
