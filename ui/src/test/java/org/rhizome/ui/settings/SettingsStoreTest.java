package org.rhizome.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.ui.workbench.Settings;
import org.rhizome.ui.workbench.ThemeChoice;
import org.rhizome.ui.workbench.ThemeFamily;
import org.rhizome.ui.workbench.WindowState;

class SettingsStoreTest {
  @TempDir Path dir;

  @Test
  void writtenSettingsReadBack() throws Exception {
    Settings s = new Settings();
    s.theme().set(ThemeChoice.DARK);
    s.themeFamily().set(ThemeFamily.NORD);
    s.editorFontSize().set(18);
    s.welcomeLoaded().set(true);
    s.setWindow(new WindowState(10, 20, 1000, 700, true, 0.3, 0.7));
    s.setOpenTabs(List.of("a1", "b2"), 1);
    SettingsStore store = new SettingsStore(dir.resolve("ui.properties"));
    store.write(SettingsStore.snapshot(s));

    Settings back = SettingsStore.fromProperties(store.read());
    assertThat(back.theme().get()).isEqualTo(ThemeChoice.DARK);
    assertThat(back.themeFamily().get()).isEqualTo(ThemeFamily.NORD);
    assertThat(back.editorFontSize().get()).isEqualTo(18);
    assertThat(back.welcomeLoaded().get()).isTrue();
    assertThat(back.window()).isEqualTo(new WindowState(10, 20, 1000, 700, true, 0.3, 0.7));
    assertThat(back.openTabs()).containsExactly("a1", "b2");
    assertThat(back.activeTab()).isEqualTo(1);
  }

  @Test
  void aMissingFileGivesTheDefaults() {
    Settings s =
        SettingsStore.fromProperties(new SettingsStore(dir.resolve("none.properties")).read());
    assertThat(s.theme().get()).isEqualTo(ThemeChoice.SYSTEM);
    assertThat(s.window()).isEqualTo(WindowState.DEFAULT);
    assertThat(s.openTabs()).isEmpty();
  }

  @Test
  void damagedValuesFallBackOneByOne() throws Exception {
    Path file = dir.resolve("ui.properties");
    Files.writeString(
        file,
        "theme=PURPLE\neditor.fontSize=huge\nwindow.width=-5\nwindow.sidebarDivider=7\nthemeFamily=NORD\n"
            + "editor.fontSize.extra=1\n\\u00zz=broken");
    Settings s = SettingsStore.fromProperties(new SettingsStore(file).read());
    assertThat(s.theme().get()).isEqualTo(ThemeChoice.SYSTEM);
    assertThat(s.editorFontSize().get()).isEqualTo(15);
    assertThat(s.window().width()).isEqualTo(480);
    assertThat(s.window().sidebarDivider()).isEqualTo(0.2);
  }

  @Test
  void fontSizeIsClamped() throws Exception {
    Path file = dir.resolve("ui.properties");
    Files.writeString(file, "editor.fontSize=400\n");
    assertThat(SettingsStore.fromProperties(new SettingsStore(file).read()).editorFontSize().get())
        .isEqualTo(Settings.MAX_FONT_SIZE);
  }
}
