/**
 * The settings tab ({@link org.rhizome.ui.settings.SettingsView}), the file the settings are kept
 * in ({@link org.rhizome.ui.settings.SettingsStore}) and the OS's light or dark appearance. The
 * settings themselves, which every part reads, are the kit's {@link
 * org.rhizome.ui.workbench.Settings}.
 */
@NullMarked
package org.rhizome.ui.settings;

import org.jspecify.annotations.NullMarked;
