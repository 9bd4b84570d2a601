package org.rhizome.graph.query;

/** A search result: the note, its rank score (lower is better, as SQLite's bm25) and a snippet. */
public record SearchHit(NoteRef note, double score, Snippet snippet) {}
