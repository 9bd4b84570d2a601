/**
 * The composition root: {@link org.rhizome.app.Main} (the entry point, which nothing else uses),
 * the logback configuration it installs, and the file a desktop hands it. Below it: the command
 * line ({@code org.rhizome.app.cli}), the desktop window's launcher ({@code app.gui}), the one sync
 * launcher ({@code app.sync}) and the data directory ({@code app.data}).
 */
@NullMarked
package org.rhizome.app;

import org.jspecify.annotations.NullMarked;
