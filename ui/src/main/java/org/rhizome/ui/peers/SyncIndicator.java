package org.rhizome.ui.peers;

/** The sync state in one word, as the status icon shows it. */
public enum SyncIndicator {
  /** Not read yet. */
  UNKNOWN("Sync", "sync-unknown"),
  /** A personal workspace: it never syncs. */
  PERSONAL("Local only", "sync-local"),
  OFF("Sync off", "sync-off"),
  /** On, no peer connected yet. */
  WAITING("Sync on · no peers", "sync-waiting"),
  CONNECTED("Synced", "sync-connected"),
  /** Joining with an invite: waiting to reach a member. */
  JOINING("Joining…", "sync-joining"),
  FAILED("Sync failed", "sync-failed");

  private final String label;
  private final String styleClass;

  SyncIndicator(String label, String styleClass) {
    this.label = label;
    this.styleClass = styleClass;
  }

  public String label() {
    return label;
  }

  public String styleClass() {
    return styleClass;
  }

  static SyncIndicator of(SyncSnapshot s) {
    if (s.isPersonal()) {
      return PERSONAL;
    }
    if (s.failure() != null) {
      return FAILED;
    }
    if (!s.enabled() || s.running().isEmpty()) {
      return OFF;
    }
    if (s.joinPending() || !s.canWrite()) {
      return JOINING;
    }
    return s.running().get().peers().isEmpty() ? WAITING : CONNECTED;
  }
}
