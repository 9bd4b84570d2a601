package org.rhizome.graph.api;

import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.model.WorkspaceId;

/** A summary of a replica: which workspace, which device, how much, and a digest of its graph. */
public record WorkspaceStatus(
    WorkspaceId workspace,
    ActorId actor,
    long notes,
    long changes,
    VersionVector versionVector,
    String digest) {}
