/**
 * {@code rhizome screenshot}: the shots of the window it takes ({@link
 * org.rhizome.ui.screenshot.Screenshots}) and how.
 */
@NullMarked
package org.rhizome.ui.screenshot;

import org.jspecify.annotations.NullMarked;
