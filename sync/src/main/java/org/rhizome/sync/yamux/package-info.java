/**
 * The yamux stream muxer (/yamux/1.0.0). Implementation, wired by the connection upgrader; its
 * streams reach callers as {@link org.rhizome.sync.transport.MuxedStream}.
 */
@NullMarked
package org.rhizome.sync.yamux;

import org.jspecify.annotations.NullMarked;
