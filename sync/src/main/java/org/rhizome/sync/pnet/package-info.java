/**
 * Private networks (specs/pnet). API: {@link org.rhizome.sync.pnet.PreSharedKey}; the handler is
 * wired by the upgrader.
 */
@NullMarked
package org.rhizome.sync.pnet;

import org.jspecify.annotations.NullMarked;
