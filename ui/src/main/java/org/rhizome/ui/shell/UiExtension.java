package org.rhizome.ui.shell;

/**
 * A part of the window that lives outside the ui module's own packages, installed once the main
 * window is built (the sync status indicator and panel, import/export menu items…). {@code app}
 * passes these in {@link UiServices}; each is called on the FX thread, in order.
 */
@FunctionalInterface
public interface UiExtension {
  void install(AppContext context, MainWindow window);
}
