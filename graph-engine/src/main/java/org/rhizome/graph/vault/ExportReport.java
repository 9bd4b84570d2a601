package org.rhizome.graph.vault;

import java.util.List;

/**
 * What an export did.
 *
 * @param notesWritten note files written (changed or new)
 * @param notesUnchanged note files that already had the note's text
 * @param attachmentsWritten attachment files written
 * @param attachmentsUnchanged attachment files that already had the bytes
 * @param problems what a person should know (a name clash, missing bytes, a renamed file)
 * @param millis wall-clock time the export took
 * @param privateLeftOut private notes not written: a vault is plain files, and a private note's
 *     text rests only sealed unless the person asked for it ({@link
 *     VaultExporter#includingPrivate})
 */
public record ExportReport(
    int notesWritten,
    int notesUnchanged,
    int attachmentsWritten,
    int attachmentsUnchanged,
    List<VaultProblem> problems,
    long millis,
    int privateLeftOut) {
  public ExportReport {
    problems = List.copyOf(problems);
  }
}
