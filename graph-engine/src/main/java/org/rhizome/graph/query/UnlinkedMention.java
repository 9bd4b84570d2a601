package org.rhizome.graph.query;

/** A note that names another note's title in plain text, without linking it. */
public record UnlinkedMention(NoteRef source, int line, String context) {}
