/**
 * Peers and sharing in the window: the panel with the workspace's sync switch, the peers seen and
 * connected, the last sync time and the members ({@link org.rhizome.ui.peers.SyncPanelView}); the
 * invite and join dialogs; the status icon for the status bar ({@link
 * org.rhizome.ui.peers.SyncStatusIcon}).
 *
 * <p>Networking is off until the person switches sync on for a shared workspace; the switch is kept
 * in the workspace's local setting {@code sync.enabled}. A personal (open) workspace cannot be
 * shared: the panel says so and offers to create a shared one. {@link
 * org.rhizome.ui.peers.SyncSession} starts (through the {@link org.rhizome.ui.peers.SyncStarter}
 * app injects: one policy with the CLI) and stops {@code WorkspaceSync} on its own thread ({@code
 * rhizome-ui-sync}), never on the FX thread; sync events come back through {@code
 * Platform.runLater}.
 */
@NullMarked
package org.rhizome.ui.peers;

import org.jspecify.annotations.NullMarked;
