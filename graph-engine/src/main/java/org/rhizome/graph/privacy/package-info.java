/**
 * Private notes (decision 0008): the names of private and seal nodes, note keys and their wraps for
 * each reader's device (X25519 + HKDF-SHA256 + ChaCha20-Poly1305), and the sealing of a change's
 * ops on a private note under its key. Pure functions and one per-workspace key ring; no storage
 * (the store's {@code Sealing} applies them).
 */
package org.rhizome.graph.privacy;
