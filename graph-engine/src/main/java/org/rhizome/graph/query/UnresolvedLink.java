package org.rhizome.graph.query;

/**
 * A link target that names no note and no attachment: how many links use it, from how many notes;
 * {@code file} when the target names a file ({@code photo.png}): a missing attachment.
 */
public record UnresolvedLink(String target, int links, int sources, boolean file) {

  public UnresolvedLink(String target, int links, int sources) {
    this(target, links, sources, LinkFiles.looksLikeFile(target));
  }
}
