/**
 * The sync commands: shared workspaces in a data directory ({@code workspace create/list}), {@code
 * invite}, {@code join}, and {@code serve}, the headless peer with its status file; plus the sync
 * benchmark.
 */
@NullMarked
package org.rhizome.app.cli.sync;

import org.jspecify.annotations.NullMarked;
