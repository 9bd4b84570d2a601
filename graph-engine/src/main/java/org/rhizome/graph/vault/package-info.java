/**
 * Vaults: folders of Markdown files (Obsidian, Logseq, Foam, a git repo of notes) taken into a
 * workspace ({@link org.rhizome.graph.vault.VaultImporter}), written back ({@link
 * org.rhizome.graph.vault.VaultExporter}) and kept in step both ways ({@link
 * org.rhizome.graph.vault.VaultMirror}). Pure Java on the engine's public API.
 */
@NullMarked
package org.rhizome.graph.vault;

import org.jspecify.annotations.NullMarked;
