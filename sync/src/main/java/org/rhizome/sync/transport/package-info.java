/**
 * Connections and streams. API for the replication layer: {@link
 * org.rhizome.sync.transport.MuxedStream}, {@link org.rhizome.sync.transport.StreamHandler}, {@link
 * org.rhizome.sync.transport.StreamHandlerFactory}, {@link
 * org.rhizome.sync.transport.LengthPrefixedFrames}, {@link
 * org.rhizome.sync.transport.IdentifyInfo}, {@link org.rhizome.sync.transport.Direction}. The rest
 * (upgrader, negotiator, registry, connection) is implementation the {@link
 * org.rhizome.sync.host.Host} wires.
 */
@NullMarked
package org.rhizome.sync.transport;

import org.jspecify.annotations.NullMarked;
