package org.rhizome.graph.query;

/** A name a note answers to: its title, or one of its aliases ({@code isAlias}). */
public record NoteName(NoteRef note, String name, boolean isAlias) {}
