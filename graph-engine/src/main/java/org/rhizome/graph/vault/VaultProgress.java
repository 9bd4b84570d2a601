package org.rhizome.graph.vault;

/**
 * Where an import or export is, and whether the person asked to stop. Called on the importer's
 * thread (not a UI thread): a UI moves what it shows to its own thread.
 */
public interface VaultProgress {
  /** No progress shown, never cancelled. */
  VaultProgress NONE = (phase, done, total) -> {};

  /**
   * Called with {@code done = 0} when a phase starts (so a rate can be timed from there), then as
   * batches finish.
   *
   * @param phase what is being done ({@code "notes"}, {@code "attachments"})
   * @param done items finished in this phase
   * @param total items in this phase
   */
  void update(String phase, long done, long total);

  /** Polled between batches; true stops the work (an import then undoes what it did). */
  default boolean cancelled() {
    return false;
  }
}
