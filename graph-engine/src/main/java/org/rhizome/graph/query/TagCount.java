package org.rhizome.graph.query;

/** A tag (as first written, without {@code #}) and the number of notes that carry it. */
public record TagCount(String tag, int notes) {}
