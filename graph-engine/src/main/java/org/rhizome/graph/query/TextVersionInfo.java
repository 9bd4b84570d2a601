package org.rhizome.graph.query;

import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.ChangeHash;

/**
 * One version of a text field (a note body): the change that made it, who signed it and when
 * (hybrid clock; its upper 48 bits are ms since the epoch). {@code logPosition} orders versions on
 * this replica and names the version in {@code bodyAt}; it is local, not shared with peers.
 */
public record TextVersionInfo(
    long logPosition, ChangeHash change, ActorId author, long seq, long hlc) {}
