/**
 * {@code rhizome p2p …}: diagnostic libp2p commands (listen, publish, ping) and {@code rhizome
 * bench net}.
 */
@NullMarked
package org.rhizome.app.cli.p2p;

import org.jspecify.annotations.NullMarked;
