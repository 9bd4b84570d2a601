/** Rhizome's libp2p stack; see docs/libp2p.md. */
@NullMarked
package org.rhizome.sync;

import org.jspecify.annotations.NullMarked;
