/**
 * Implementation of org.rhizome.sync.multistream: public only so that the host can wire it; not an
 * API.
 */
@NullMarked
package org.rhizome.sync.multistream.internal;

import org.jspecify.annotations.NullMarked;
