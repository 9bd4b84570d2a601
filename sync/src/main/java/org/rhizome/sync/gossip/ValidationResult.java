package org.rhizome.sync.gossip;

/**
 * What the application says about a message
 * (specs/pubsub/gossipsub/gossipsub-v1.1.md#extended-validators).
 */
public enum ValidationResult {
  /** Deliver and forward. */
  ACCEPT,
  /** Drop quietly: not forwarded, no penalty (e.g. a duplicate or a change we cannot check yet). */
  IGNORE,
  /** Drop as invalid: not forwarded, and logged against the peer that sent it. */
  REJECT
}
