package org.rhizome.graph.vault;

import java.util.List;
import org.rhizome.graph.query.UnresolvedLink;

/**
 * What an import did.
 *
 * @param notesCreated new notes
 * @param notesUpdated notes whose body changed to the file's text
 * @param notesUnchanged notes that already had the file's text
 * @param attachmentsStored files stored or replaced as attachments (including Markdown files that
 *     could not be notes, each with a problem saying why)
 * @param attachmentsUnchanged attachments that already had the file's bytes
 * @param skipped files left out (hidden, unreadable, too large), each with a problem
 * @param problems what a person should know, per file, in path order
 * @param brokenLinks link targets that name no note in the workspace after the import (most used
 *     first, at most {@value VaultImporter#MAX_BROKEN_LINKS}; embeds of files are not counted)
 * @param millis wall-clock time the import took
 */
public record ImportReport(
    int notesCreated,
    int notesUpdated,
    int notesUnchanged,
    int attachmentsStored,
    int attachmentsUnchanged,
    int skipped,
    List<VaultProblem> problems,
    List<UnresolvedLink> brokenLinks,
    long millis) {
  public ImportReport {
    problems = List.copyOf(problems);
    brokenLinks = List.copyOf(brokenLinks);
  }

  public int notes() {
    return notesCreated + notesUpdated + notesUnchanged;
  }
}
