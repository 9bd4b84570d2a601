/**
 * The trash in the window ({@link org.rhizome.ui.trash.TrashView}, a sidebar tab): deleted notes
 * with who deleted them and when, Restore, and Empty Trash after a confirmation.
 */
@NullMarked
package org.rhizome.ui.trash;

import org.jspecify.annotations.NullMarked;
