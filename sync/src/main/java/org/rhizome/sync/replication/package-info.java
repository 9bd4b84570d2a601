/**
 * Replication of a workspace between peers. {@link org.rhizome.sync.replication.WorkspaceSync} is
 * the coordinator: it starts a {@link org.rhizome.sync.host.Host} on the workspace's private
 * network and composes the jobs, each in a package of its own that depends on none of the others'
 * (ArchUnit checks): {@code live} (this device's changes published from the workspace's change
 * feed; arriving ones validated by storing them), {@code catchup} (our stream protocol {@value
 * org.rhizome.sync.replication.catchup.CatchUpProtocol#ID}: two state machines without I/O, their
 * driver, and pull scheduling), {@code apply} (offering remote changes to the engine), {@code blob}
 * (attachment bytes), {@code invite} (founding, inviting, joining, the workspace secret) and {@code
 * discovery} (redials and mDNS). docs/sync.md describes the protocols.
 */
@NullMarked
package org.rhizome.sync.replication;

import org.jspecify.annotations.NullMarked;
