/**
 * File → Import / Export of Markdown vaults, with a cancellable progress dialog, and the
 * workspace's folder mirror while the window is open. The work itself is {@code
 * org.rhizome.graph.vault}.
 */
@NullMarked
package org.rhizome.ui.vault;

import org.jspecify.annotations.NullMarked;
