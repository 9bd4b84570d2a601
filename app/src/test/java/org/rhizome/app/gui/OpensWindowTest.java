package org.rhizome.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which command lines open the window, and so start JavaFX before the command line is parsed. */
class OpensWindowTest {
  @Test
  void noCommandOrOnlyADataDirectoryOpensTheWindow() {
    assertThat(GuiLauncher.opensWindow(new String[0])).isTrue();
    assertThat(GuiLauncher.opensWindow(new String[] {"--data", "/tmp/d"})).isTrue();
    assertThat(GuiLauncher.opensWindow(new String[] {"--data=/tmp/d"})).isTrue();
  }

  @Test
  void anyCommandOrOptionDoesNot() {
    assertThat(GuiLauncher.opensWindow(new String[] {"note", "add"})).isFalse();
    assertThat(GuiLauncher.opensWindow(new String[] {"--data", "/tmp/d", "search", "x"})).isFalse();
    assertThat(GuiLauncher.opensWindow(new String[] {"--version"})).isFalse();
    assertThat(GuiLauncher.opensWindow(new String[] {"-h"})).isFalse();
    assertThat(GuiLauncher.opensWindow(new String[] {"--data"})).isFalse(); // picocli says why
  }
}
