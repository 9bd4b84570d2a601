/** The sidebar's lists: notes (filtered, sorted) and tags. */
@NullMarked
package org.rhizome.ui.sidebar;

import org.jspecify.annotations.NullMarked;
