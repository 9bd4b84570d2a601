package org.rhizome.graph;

import org.rhizome.graph.text.TextVersion;

/**
 * A text field's text and the version it is at: what an editor starts from, and names in its
 * splices.
 */
public record VersionedText(String text, TextVersion version) {}
