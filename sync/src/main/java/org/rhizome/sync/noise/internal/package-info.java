/**
 * Implementation of org.rhizome.sync.noise: public only so that the host can wire it; not an API.
 */
@NullMarked
package org.rhizome.sync.noise.internal;

import org.jspecify.annotations.NullMarked;
