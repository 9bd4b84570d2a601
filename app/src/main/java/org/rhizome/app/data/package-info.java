/**
 * This machine's data directory: where keys, workspaces, secrets, locks, status files and the log
 * live ({@link org.rhizome.app.data.DataDirectory}, the only code that knows the layout), and
 * pointing the log at it. A leaf of app: it uses no other package of app.
 */
@NullMarked
package org.rhizome.app.data;

import org.jspecify.annotations.NullMarked;
