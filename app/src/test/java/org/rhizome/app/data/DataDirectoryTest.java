package org.rhizome.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {
  private static final Path HOME = Path.of("/home/ada").toAbsolutePath();

  @Test
  void linuxUsesXdgDataHome() {
    Path xdg = Path.of("/data/xdg").toAbsolutePath();
    assertThat(
            DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", xdg.toString()), "Linux", HOME)
                .root())
        .isEqualTo(xdg.resolve("rhizome"));
  }

  @Test
  void linuxFallsBackToLocalShare() {
    assertThat(DataDirectory.resolve(null, Map.of(), "Linux", HOME).root())
        .isEqualTo(HOME.resolve(".local/share/rhizome"));
  }

  @Test
  void linuxIgnoresARelativeXdgDataHome() {
    assertThat(
            DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "relative/dir"), "Linux", HOME)
                .root())
        .isEqualTo(HOME.resolve(".local/share/rhizome"));
  }

  @Test
  void windowsUsesAppData() {
    Path appData = HOME.resolve("AppData/Roaming");
    assertThat(
            DataDirectory.resolve(null, Map.of("APPDATA", appData.toString()), "Windows 11", HOME)
                .root())
        .isEqualTo(appData.resolve("Rhizome"));
  }

  @Test
  void macUsesApplicationSupport() {
    assertThat(DataDirectory.resolve(null, Map.of(), "Mac OS X", HOME).root())
        .isEqualTo(HOME.resolve("Library/Application Support/Rhizome"));
  }

  @Test
  void environmentVariableOverridesTheOsDefault() {
    Path custom = Path.of("/srv/rhizome").toAbsolutePath();
    assertThat(
            DataDirectory.resolve(null, Map.of("RHIZOME_DATA", custom.toString()), "Linux", HOME)
                .root())
        .isEqualTo(custom);
  }

  @Test
  void optionOverridesTheEnvironment() {
    Path option = Path.of("/tmp/opt").toAbsolutePath();
    assertThat(
            DataDirectory.resolve(option, Map.of("RHIZOME_DATA", "/srv/rhizome"), "Linux", HOME)
                .root())
        .isEqualTo(option);
  }

  @Test
  void layoutPlacesKeyWorkspaceAndLogs() {
    DataDirectory dir = new DataDirectory(HOME.resolve("rz"));

    assertThat(dir.deviceKeyFile()).isEqualTo(HOME.resolve("rz/device.key"));
    assertThat(dir.defaultWorkspaceFile()).isEqualTo(HOME.resolve("rz/workspaces/personal.db"));
    assertThat(dir.logsDirectory()).isEqualTo(HOME.resolve("rz/logs"));
  }
}
