package org.rhizome.ui.workbench;

/**
 * A part of the window that {@code app} installs rather than the shell (the sync status indicator
 * and panel, import/export menu items…), once the main window is built. {@code app} passes these in
 * the shell's {@code UiServices}; each is called on the FX thread, in order.
 */
@FunctionalInterface
public interface UiExtension {
  void install(AppContext context, MainWindow window);
}
