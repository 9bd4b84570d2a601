/**
 * The workbench kit: the few types every part of the window uses, and nothing of any feature.
 * Features (editor, graph, history, search…) depend on this package and on each other without a
 * cycle, never on {@code ui.shell}; the shell composes the features into the window.
 *
 * <h2>For a component that lives in the window (graph view, history, sync panel…)</h2>
 *
 * Everything comes through one {@link org.rhizome.ui.workbench.AppContext}, handed to your view's
 * constructor:
 *
 * <ul>
 *   <li>{@code context.workspace()} — the open {@code Workspace}. Reads block: run them through
 *       {@code context.background().load(() -> ws.neighbourhood(soul, 2, 500), result ->
 *       show(result), "Could not load the graph")} — the work runs on a {@code rhizome-ui-bg-N}
 *       thread, the result handler on the FX thread, and a failure shows that sentence in the
 *       status bar and logs the details. Writes: the engine's {@code *Async} methods; pass the
 *       future to {@code context.background().reportFailure(future, "Could not …")}.
 *   <li>{@code context.onChanges(event -> …)} — every committed change (local and remote), on the
 *       FX thread; {@link org.rhizome.ui.workbench.ChangedNotes#of} says which notes it touched.
 *   <li>{@code context.openNote(soul)} — opens a note in an editor tab (or selects its tab), unless
 *       a feature opens that note its own way ({@code context.addNoteOpener}: a saved query opens
 *       as its view); {@code context.window().openNote(soul)} always opens the editor.
 *   <li>{@code context.openTab("graph", "Graph", () -> new GraphView(context).node())} — shows a
 *       view in a tab of the main area; the same key selects the open tab instead of building a
 *       second one.
 *   <li>{@code context.commands().register("graph.open", "Open graph view", shortcut, action)} —
 *       the command palette (Ctrl/Cmd-P) lists every registered command with its shortcut, and the
 *       shortcut works anywhere in the window. {@code window.item(id)} puts a command in a menu;
 *       {@code window.fileMenu()} is the File menu.
 *   <li>{@code context.window().syncStatusSlot()} — the empty box at the right end of the status
 *       bar, for the sync status indicator.
 *   <li>{@code context.settings()} — theme, font size, default folder; the scene root carries the
 *       style class {@code dark} or {@code light}.
 * </ul>
 *
 * <p>To install a component: a feature of the ui module offers an {@code install(context, window)}
 * that the shell's {@code MainWindowView} calls; {@code app} passes a {@link
 * org.rhizome.ui.workbench.UiExtension} in the shell's {@code UiServices}.
 *
 * <p>Threading: FX thread only, except where a type says otherwise.
 */
@NullMarked
package org.rhizome.ui.workbench;

import org.jspecify.annotations.NullMarked;
