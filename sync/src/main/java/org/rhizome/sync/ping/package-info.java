/**
 * /ipfs/ping/1.0.0 (specs/ping). Implementation; callers use {@link
 * org.rhizome.sync.host.Host#ping}.
 */
@NullMarked
package org.rhizome.sync.ping;

import org.jspecify.annotations.NullMarked;
