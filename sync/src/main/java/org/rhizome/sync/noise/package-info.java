/**
 * The libp2p Noise XX handshake and transport framing (specs/noise). Implementation, wired by the
 * connection upgrader; callers see only {@link org.rhizome.sync.noise.NoiseException} and {@link
 * org.rhizome.sync.noise.PeerIdMismatchException}.
 */
@NullMarked
package org.rhizome.sync.noise;

import org.jspecify.annotations.NullMarked;
