/** The full-text search pane. */
@NullMarked
package org.rhizome.ui.search;

import org.jspecify.annotations.NullMarked;
