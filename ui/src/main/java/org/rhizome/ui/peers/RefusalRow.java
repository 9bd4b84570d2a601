package org.rhizome.ui.peers;

import java.time.Instant;
import org.rhizome.graph.api.Refusal;
import org.rhizome.graph.membership.Member;

/**
 * A refused change as the sync log in the panel shows it: when, from whom (the member's name, if it
 * is one here, and the key's fingerprint), which change, why.
 */
public record RefusalRow(
    Instant at, String fromName, String fingerprint, long seq, String reason, String detail) {

  static RefusalRow of(Refusal r, String fromName) {
    return new RefusalRow(
        r.at(),
        fromName,
        r.actor() == null ? "" : Member.fingerprint(r.actor()),
        r.seq(),
        r.reason().name(),
        r.detail());
  }

  /** "Bob (1a2b-…)", or the fingerprint alone, or "an unknown sender". */
  public String from() {
    if (fingerprint.isEmpty()) {
      return "an unknown sender";
    }
    return fromName.isEmpty() ? fingerprint : fromName + " (" + fingerprint + ")";
  }

  /** The reason in words: NOT_ALLOWED → "not allowed". */
  public String reasonText() {
    return reason.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
