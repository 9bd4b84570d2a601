package org.rhizome.graph.query;

import org.rhizome.graph.Soul;

/** A note as lists show it: id, title, and when it was created and last changed (ms since the epoch). */
public record NoteRef(Soul soul, String title, long created, long modified) {}
