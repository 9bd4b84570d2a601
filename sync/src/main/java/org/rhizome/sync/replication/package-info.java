/**
 * Replication of a workspace between peers: live changes on a GossipSub topic, and catch-up over our
 * own stream protocol {@value org.rhizome.sync.replication.CatchUpProtocol#ID}. The catch-up is two
 * state machines without I/O ({@link org.rhizome.sync.replication.PullClient},
 * {@link org.rhizome.sync.replication.PullServer}): messages in, actions out; the
 * {@link org.rhizome.sync.replication.WorkspaceSync} wires them to a {@link org.rhizome.sync.host.Host}
 * and to the engine. docs/sync.md describes the protocol.
 */
@NullMarked
package org.rhizome.sync.replication;

import org.jspecify.annotations.NullMarked;
