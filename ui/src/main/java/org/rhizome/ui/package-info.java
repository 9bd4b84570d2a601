/**
 * The JavaFX desktop application. For now a placeholder window ({@link org.rhizome.ui.RhizomeApp});
 * the editor, backlinks, search and graph views arrive with the UI issue.
 */
@NullMarked
package org.rhizome.ui;

import org.jspecify.annotations.NullMarked;
