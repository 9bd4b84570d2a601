/**
 * A workspace that will not open (damaged, or marked damaged) is offered check and repair in a
 * window ({@link org.rhizome.ui.repair.WorkspaceRecovery}, {@link
 * org.rhizome.ui.repair.RepairDialog}): the engine's {@code graph.repair}, as {@code rhizome check}
 * and {@code rhizome repair} run it, off the FX thread, then the repaired workspace opens.
 */
@NullMarked
package org.rhizome.ui.repair;

import org.jspecify.annotations.NullMarked;
