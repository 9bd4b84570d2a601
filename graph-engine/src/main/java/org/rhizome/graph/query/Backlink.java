package org.rhizome.graph.query;

/**
 * A linked mention: {@code source} links to the note on {@code line} (0-based); {@code context} is
 * that line.
 */
public record Backlink(NoteRef source, int line, String context, boolean embed) {}
