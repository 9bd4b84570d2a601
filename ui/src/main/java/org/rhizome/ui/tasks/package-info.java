/** The Tasks pane: every task of the workspace, tickable. */
@NullMarked
package org.rhizome.ui.tasks;

import org.jspecify.annotations.NullMarked;
