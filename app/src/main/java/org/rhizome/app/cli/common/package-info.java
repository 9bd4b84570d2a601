/**
 * What every command of the command line shares, whatever package it is in: the {@link
 * org.rhizome.app.cli.common.CliContext} mixin (opening the workspace, printing), {@link
 * org.rhizome.app.cli.common.ExitCodes} and the exceptions it maps, the work directory of a
 * benchmark, JSON output, the phase marks. It depends on no command: the command packages ({@code
 * app.cli}, {@code app.cli.sync}, {@code app.cli.bench}, {@code app.cli.p2p}) depend on it and not
 * on each other (only the root command lists them).
 */
@NullMarked
package org.rhizome.app.cli.common;

import org.jspecify.annotations.NullMarked;
