/**
 * The main window and what its parts share.
 *
 * <h2>For a component that lives in the window (graph view, history, sync panel…)</h2>
 *
 * Everything comes through one {@link org.rhizome.ui.shell.AppContext}, handed to your view's
 * constructor:
 * <ul>
 *   <li>{@code context.workspace()} — the open {@code Workspace}. Reads block: run them through
 *       {@code context.background().load(() -> ws.neighbourhood(soul, 2, 500), result -> show(result),
 *       "Could not load the graph")} — the work runs on a {@code rhizome-ui-bg-N} thread, the
 *       result handler on the FX thread, and a failure shows that sentence in the status bar and
 *       logs the details. Writes: the engine's {@code *Async} methods; pass the future to
 *       {@code context.background().reportFailure(future, "Could not …")}.</li>
 *   <li>{@code context.onChanges(event -> …)} — every committed change (local and remote), on the
 *       FX thread; {@link org.rhizome.ui.shell.ChangedNotes#of} says which notes it touched.</li>
 *   <li>{@code context.openNote(soul)} — opens a note in an editor tab (or selects its tab).</li>
 *   <li>{@code context.openTab("graph", "Graph", () -> new GraphView(context).node())} — shows a
 *       view in a tab of the main area; the same key selects the open tab instead of building a
 *       second one.</li>
 *   <li>{@code context.commands().register("graph.open", "Open graph view", shortcut, action)} —
 *       the command palette (Ctrl/Cmd-P) lists every registered command with its shortcut, and the
 *       shortcut works anywhere in the window. Use {@code MainWindow.item(id)} to put a command in
 *       a menu; {@code MainWindow.fileMenu()} is the File menu.</li>
 *   <li>{@code context.workbench().syncStatusSlot()} — the empty box at the right end of the status
 *       bar, for the sync status indicator.</li>
 *   <li>{@code context.settings()} — theme, font size; the scene root carries the style class
 *       {@code dark} or {@code light}.</li>
 * </ul>
 *
 * <p>To install a component, add a {@link org.rhizome.ui.shell.UiExtension} (it gets the context
 * and the {@link org.rhizome.ui.shell.MainWindow} once the window is built): either in
 * {@code MainWindow}'s constructor for ui's own packages, or from {@code app} through
 * {@link org.rhizome.ui.shell.UiServices#withExtensions}.
 *
 * <h2>Start-up</h2>
 * {@code app} opens the workspace and calls {@link org.rhizome.ui.shell.DesktopApp#run} with
 * {@link org.rhizome.ui.shell.UiServices}; {@link org.rhizome.ui.shell.DesktopSession} builds one
 * window, restores the last session and saves the settings ({@code ui.properties} in the data
 * directory) on close.
 *
 * <p>Threading: FX thread only, except where a type says otherwise.
 */
@NullMarked
package org.rhizome.ui.shell;

import org.jspecify.annotations.NullMarked;
