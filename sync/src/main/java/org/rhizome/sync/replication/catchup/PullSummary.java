package org.rhizome.sync.replication.catchup;

/**
 * How a pull went.
 *
 * @param received changes that arrived
 * @param applied changes that were new here
 * @param refused changes the engine refused for good (bad signature, not allowed…)
 * @param deferred changes that could not be applied yet (a gap or a missing dependency): pull again
 */
public record PullSummary(long received, long applied, long refused, long deferred) {
  public static final PullSummary NONE = new PullSummary(0, 0, 0, 0);

  PullSummary plus(long received, long applied, long refused, long deferred) {
    return new PullSummary(
        this.received + received,
        this.applied + applied,
        this.refused + refused,
        this.deferred + deferred);
  }

  /** Whether another pull could bring more: something was deferred. */
  public boolean incomplete() {
    return deferred > 0;
  }
}
