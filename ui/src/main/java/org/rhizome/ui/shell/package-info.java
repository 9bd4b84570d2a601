/**
 * The desktop window: it composes the features (editor tabs, sidebar, backlinks, pickers, graph,
 * history, trash, queries) into one {@link org.rhizome.ui.shell.MainWindowView}, which implements
 * the kit's {@link org.rhizome.ui.workbench.MainWindow}. What the features share is in {@link
 * org.rhizome.ui.workbench}; nothing but this package (and {@code app}, and the screenshot tool
 * that drives a whole window) depends on it.
 *
 * <h2>Start-up</h2>
 *
 * {@code app} opens the workspace and calls {@link org.rhizome.ui.shell.DesktopApp#run} with {@link
 * org.rhizome.ui.shell.UiServices}; {@link org.rhizome.ui.shell.DesktopSession} builds one window,
 * restores the last session and saves the settings ({@code ui.properties} in the data directory) on
 * close.
 *
 * <p>Threading: FX thread only, except where a type says otherwise.
 */
@NullMarked
package org.rhizome.ui.shell;

import org.jspecify.annotations.NullMarked;
