package org.rhizome.graph.query;

/** A link target that names no note: how many links use it, from how many notes. */
public record UnresolvedLink(String target, int links, int sources) {}
