/** Identities: Ed25519 keys in the libp2p key encoding, peer ids and multiaddrs. */
@NullMarked
package org.rhizome.sync.peer;

import org.jspecify.annotations.NullMarked;
