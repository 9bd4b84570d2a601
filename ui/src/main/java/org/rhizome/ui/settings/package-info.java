/** Settings (theme, font size, window state), their file, and the settings view. */
@NullMarked
package org.rhizome.ui.settings;

import org.jspecify.annotations.NullMarked;
