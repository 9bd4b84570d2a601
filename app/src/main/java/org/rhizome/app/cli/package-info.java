/**
 * The {@code rhizome} command line (picocli): one class per command, a {@link
 * org.rhizome.app.cli.common.CliContext} mixin for opening the workspace and printing, and {@link
 * org.rhizome.app.cli.common.ExitCodes} for what scripts can rely on.
 */
@NullMarked
package org.rhizome.app.cli;

import org.jspecify.annotations.NullMarked;
