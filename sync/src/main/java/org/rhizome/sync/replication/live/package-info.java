/**
 * Live changes on the workspace's GossipSub topic: publishing this device's changes as the change
 * feed reports them, and validating arriving ones by storing them.
 */
@NullMarked
package org.rhizome.sync.replication.live;

import org.jspecify.annotations.NullMarked;
