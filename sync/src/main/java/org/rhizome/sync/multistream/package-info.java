/**
 * multistream-select 1.0 (specs/connections). Implementation: the host wires it; not for direct use
 * outside sync. {@link org.rhizome.sync.multistream.NoProtocolException} is what callers see when a
 * peer refuses every protocol.
 */
@NullMarked
package org.rhizome.sync.multistream;

import org.jspecify.annotations.NullMarked;
