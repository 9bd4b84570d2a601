/** The right pane: backlinks (linked and unlinked mentions), outgoing links, outline and tags of the open note. */
@NullMarked
package org.rhizome.ui.panes;

import org.jspecify.annotations.NullMarked;
