package org.rhizome.graph.repair;

import java.util.List;

/**
 * What {@link WorkspaceRepair} did.
 *
 * @param file the workspace file, now the rebuilt one
 * @param kept where the damaged file was put (beside it), or "" when there was nothing to keep
 * @param changesKept changes rebuilt into the new file
 * @param changesLost log rows that could not be read or checked, or that the replay refused
 * @param notes live notes in the new file
 * @param blobsKept attachment bytes copied (each checked against its SHA-256)
 * @param blobsLost attachment bytes unreadable or not matching their hash (peers can send them
 *     again)
 * @param settingsKept local settings copied from the old file (sync switch, secrets, mirror folder)
 * @param problems what was lost and why, the first ones
 * @param millis how long the repair took
 */
public record RepairReport(
    String file,
    String kept,
    long changesKept,
    long changesLost,
    long notes,
    long blobsKept,
    long blobsLost,
    long settingsKept,
    List<String> problems,
    long millis) {}
