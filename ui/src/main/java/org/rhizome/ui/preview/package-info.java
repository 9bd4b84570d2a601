/** Page preview: hovering a link (Ctrl/Cmd-hover in the editor, plain hover in the reading view) shows the start of its target in a popup. */
@NullMarked
package org.rhizome.ui.preview;

import org.jspecify.annotations.NullMarked;
