/**
 * The right pane: backlinks (linked and unlinked mentions), outgoing links, outline and tags of the
 * open note.
 */
@NullMarked
package org.rhizome.ui.backlinks;

import org.jspecify.annotations.NullMarked;
