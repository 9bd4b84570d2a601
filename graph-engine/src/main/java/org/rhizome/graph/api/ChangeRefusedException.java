package org.rhizome.graph.api;

/**
 * A change was refused; nothing was stored. {@link #reason()} says why, the message gives details.
 */
public class ChangeRefusedException extends Exception {
  private static final long serialVersionUID = 1L;
  private final RefusalReason reason;

  public ChangeRefusedException(RefusalReason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  public RefusalReason reason() {
    return reason;
  }

  /** True when the same change may be accepted later, once the missing changes have arrived. */
  public boolean isRetryable() {
    return reason == RefusalReason.GAP_IN_SEQ || reason == RefusalReason.MISSING_DEPENDENCY;
  }
}
