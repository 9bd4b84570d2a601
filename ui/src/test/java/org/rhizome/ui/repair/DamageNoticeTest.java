package org.rhizome.ui.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;

/**
 * The window's sentence for damage found while it is open, from the engine's real failure on a real
 * file whose note text had a bit flipped at rest.
 */
class DamageNoticeTest {
  @TempDir Path dir;

  @Test
  void aNoteWhoseTextFailsItsChecksumIsWordedAsADamagedWorkspace() throws Exception {
    Path file = dir.resolve("Field notes.db");
    DeviceKey key = DeviceKey.generate(new SecureRandom());
    Soul soul;
    try (Workspace ws = Workspace.open(file, key)) {
      soul = ws.createNote("Plans", "alpha-omega");
      ws.editBody(soul, "alpha-XYZ-omega");
    }
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("alpha-XYZ-omega");
    assertThat(at).isPositive();
    bytes[at + 7] ^= 0x02;
    Files.write(file, bytes);

    Throwable failure;
    try (Workspace ws = Workspace.open(file, key)) {
      failure = catchThrowable(() -> ws.findNote(soul));
    }
    assertThat(failure).isInstanceOf(StoreException.class);
    String shown = DamageNotice.of(new RuntimeException("wrapped", failure), file).orElseThrow();
    assertThat(shown)
        .isEqualTo(
            "the workspace “Field notes” is damaged: restart Rhizome to check and repair it"
                + " (or run `rhizome repair`); nothing more is written to it."
                + " Found: the body of \"Plans\" fails its checksum.");
    assertThat(DamageNotice.of(new IllegalStateException("a bug"), file)).isEmpty();
  }
}
