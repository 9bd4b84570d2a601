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
    String fingerprint = r.actor() == null ? "" : Member.fingerprint(r.actor());
    return new RefusalRow(
        r.at(), fromName, fingerprint, r.seq(), r.reason().name(), readable(r, fromName));
  }

  /**
   * The engine's message for people: without the reason it starts with (the row says it) and with
   * the sender's 64-digit key written as their name or fingerprint.
   */
  static String readable(Refusal r, String fromName) {
    String detail = r.detail();
    String prefix = r.reason().name() + ": ";
    if (detail.startsWith(prefix)) {
      detail = detail.substring(prefix.length());
    }
    if (r.actor() != null) {
      String who = fromName.isEmpty() ? Member.fingerprint(r.actor()) : fromName;
      detail = detail.replace(r.actor().hex(), who);
    }
    return detail;
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
