package org.rhizome.ui.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.vault.VaultMirror;

/** File → Mirror a folder… / Stop mirroring, below the menu: the setting and the running mirror. */
class VaultExtensionIT {
  @TempDir Path tmp;

  @Test
  void mirroringAFolderSavesTheSettingWritesTheNotesAndStopsOnRequest() throws Exception {
    try (Workspace ws =
            Workspace.open(tmp.resolve("ws.db"), DeviceKey.generate(new SecureRandom()));
        VaultExtension extension = new VaultExtension()) {
      ws.createNote("Inbox", "Hello", "hi\n");
      Path folder = tmp.resolve("mirror");
      extension.switchMirror(ws, folder);
      assertThat(VaultMirror.configured(ws).orElseThrow().folder())
          .isEqualTo(folder.toAbsolutePath());
      assertThat(Files.readString(folder.resolve("Inbox/Hello.md"))).isEqualTo("hi\n");
      extension.switchMirror(ws, null);
      assertThat(VaultMirror.configured(ws)).isEmpty();
    }
  }
}
