/**
 * Putting things into a note by paste or drag and drop: images and files become attachments with a
 * link at the caret ({@link org.rhizome.ui.editor.drop.EditorDrops}), notes dragged from the
 * sidebar become {@code [[links]]} ({@link org.rhizome.ui.editor.drop.NoteDrag}).
 */
@NullMarked
package org.rhizome.ui.editor.drop;

import org.jspecify.annotations.NullMarked;
