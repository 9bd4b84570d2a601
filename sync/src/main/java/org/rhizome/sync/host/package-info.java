/**
 * The public entry point: {@link org.rhizome.sync.host.Host}, {@link
 * org.rhizome.sync.host.HostConfig}, {@link org.rhizome.sync.host.PeerListener}, {@link
 * org.rhizome.sync.host.RequestResponse}. See docs/libp2p.md.
 */
@NullMarked
package org.rhizome.sync.host;

import org.jspecify.annotations.NullMarked;
