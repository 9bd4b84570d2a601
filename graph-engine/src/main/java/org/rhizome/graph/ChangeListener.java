package org.rhizome.graph;

/**
 * Receives the workspace's change feed. Called on the {@code rhizome-events} thread, one event at a
 * time, in commit order; a listener must not block for long (hand work to an executor).
 */
@FunctionalInterface
public interface ChangeListener {
  void onChanges(ChangeEvent event);
}
