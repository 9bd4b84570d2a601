package org.rhizome.graph.api;

import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.ChangeHash;

/**
 * One signed change as the log holds it, for a peer that lacks it: its canonical bytes exactly as
 * signed (what the peer's {@code applyRemote} takes), not decoded again, with what a sender needs
 * to know without decoding them.
 *
 * @param position the change's position in this replica's log: pass the last one received as {@code
 *     after} to continue a {@code changesSince} listing
 * @param hash the SHA-256 of {@code bytes}
 * @param author the device that made and signed the change
 * @param seq its number in its author's chain (1, 2, ...)
 * @param bytes the canonical bytes, signature included; callers must not modify them
 */
public record StoredChange(
    long position, ChangeHash hash, ActorId author, long seq, byte[] bytes) {}
