package org.rhizome.graph.api;

/** Why a change from another replica was refused. A refused change is never applied or stored. */
public enum RefusalReason {
  /** The bytes are not a well-formed canonical change. */
  MALFORMED,
  /** The change, or one of its values, is over a size limit. */
  TOO_LARGE,
  /** The signature does not verify against the actor's key. */
  BAD_SIGNATURE,
  /** The change belongs to another workspace. */
  WRONG_WORKSPACE,
  /**
   * The change's seq is beyond the next one expected from its actor: earlier changes are missing.
   */
  GAP_IN_SEQ,
  /** Another change with the same actor and seq, or a different previous hash, is already known. */
  FORKED_SEQ,
  /** The change depends on changes of other actors that this replica does not have yet. */
  MISSING_DEPENDENCY,
  /** The actor is not allowed to make this change (not a member, or a protected node). */
  NOT_ALLOWED,
  /**
   * The change verified, but this replica failed to store it (a local limit or a bug, named in the
   * detail). Only that change is set aside; it is offered again by the next pull.
   */
  UNSTORABLE
}
