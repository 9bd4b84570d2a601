/**
 * Shared workspaces: founding, inviting, joining, and the workspace secret the private network key
 * comes from.
 */
@NullMarked
package org.rhizome.sync.replication.invite;

import org.jspecify.annotations.NullMarked;
