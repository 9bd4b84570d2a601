package org.rhizome.graph.repair;

import java.util.List;

/**
 * What {@link WorkspaceCheck} found.
 *
 * @param file the workspace file
 * @param integrity "ok", or what SQLite's integrity check says (first lines)
 * @param changes changes read from the log that are intact (hash and signature)
 * @param unreadableRows log rows SQLite could not read
 * @param badChanges log rows that do not decode, or whose bytes, signature or chain are wrong
 * @param damagedTexts stored texts (note bodies) whose bytes fail their checksum
 * @param unsealedTexts stored texts written before checksums, so not checked (sealed when next
 *     written)
 * @param stateMatchesLog whether the materialised state equals a replay of the log
 * @param markedDamaged whether the file carries the damage marker (writes refused)
 * @param problems one sentence each, the first 200
 * @param millis how long the check took
 */
public record CheckReport(
    String file,
    String integrity,
    long changes,
    long unreadableRows,
    long badChanges,
    long damagedTexts,
    long unsealedTexts,
    boolean stateMatchesLog,
    boolean markedDamaged,
    List<String> problems,
    long millis) {
  /** True when nothing is wrong. */
  public boolean ok() {
    return problems.isEmpty();
  }
}
