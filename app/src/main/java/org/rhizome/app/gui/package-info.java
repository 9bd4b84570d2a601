/**
 * Starting the desktop window on a data directory: opening the workspace (or offering repair), the
 * extensions it installs, sync started through {@code app.sync}.
 */
@NullMarked
package org.rhizome.app.gui;

import org.jspecify.annotations.NullMarked;
