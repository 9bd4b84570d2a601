/**
 * Starting sync, one way for the CLI and the window ({@link org.rhizome.app.sync.SyncLauncher}).
 */
@NullMarked
package org.rhizome.app.sync;

import org.jspecify.annotations.NullMarked;
