/**
 * The JavaFX desktop application. Entry point: {@link org.rhizome.ui.shell.DesktopApp}; the window
 * and what its parts share are in {@link org.rhizome.ui.shell}. One package per feature: {@code
 * editor}, {@code sidebar}, {@code panes}, {@code switcher}, {@code search}, {@code settings},
 * {@code welcome}.
 */
@NullMarked
package org.rhizome.ui;

import org.jspecify.annotations.NullMarked;
