/**
 * GossipSub. API: {@link org.rhizome.sync.gossip.PubSub} (from {@link
 * org.rhizome.sync.host.Host#pubsub}), {@link org.rhizome.sync.gossip.GossipMessage}, {@link
 * org.rhizome.sync.gossip.MessageValidator}, {@link org.rhizome.sync.gossip.ValidationResult},
 * {@link org.rhizome.sync.gossip.GossipParams}, {@link org.rhizome.sync.gossip.ScoreParams}. {@link
 * org.rhizome.sync.gossip.internal.GossipRouter} is the implementation the host wires.
 */
@NullMarked
package org.rhizome.sync.gossip;

import org.jspecify.annotations.NullMarked;
