package org.rhizome.graph.query;

import org.jspecify.annotations.Nullable;

/** A wikilink or embed in a note, with the note it resolves to, or null when unresolved. */
public record OutgoingLink(String target, @Nullable String heading, @Nullable String alias, boolean embed, int line,
                           @Nullable NoteRef resolved) {}
