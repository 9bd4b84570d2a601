/** The welcome notes that a new workspace starts with. */
@NullMarked
package org.rhizome.ui.welcome;

import org.jspecify.annotations.NullMarked;
