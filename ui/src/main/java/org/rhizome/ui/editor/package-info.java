/**
 * The note editor: Markdown source with incremental highlighting (RichTextFX), the rendered reading
 * view (Flexmark in a WebView), [[ completion, following links, and the sync of an open note with
 * the text CRDT.
 */
@NullMarked
package org.rhizome.ui.editor;

import org.jspecify.annotations.NullMarked;
