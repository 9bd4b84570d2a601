/**
 * Pickers: the quick switcher (fuzzy titles and aliases), the command palette, and the overlay they
 * appear in.
 */
@NullMarked
package org.rhizome.ui.switcher;

import org.jspecify.annotations.NullMarked;
