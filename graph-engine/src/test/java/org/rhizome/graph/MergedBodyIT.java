package org.rhizome.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.model.WorkspaceId;

/**
 * Issue 18: each replica's body stays under the 1 MiB a change may carry, but their merge does not.
 * The merge must store, read back, re-index and let later changes through, on both replicas.
 */
class MergedBodyIT {
  private static final WorkspaceId WS =
      WorkspaceId.of(new byte[] {4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4});

  @TempDir Path dir;

  private static String lines(String who, int bytes) {
    StringBuilder b = new StringBuilder(bytes + 64);
    for (int i = 0; b.length() < bytes; i++) {
      b.append(who).append(" line ").append(i).append(" written while apart\n");
    }
    return b.toString();
  }

  private static List<byte[]> since(Workspace from, VersionVector have) throws Exception {
    List<byte[]> out = new ArrayList<>();
    for (StoredChange e : from.changesSince(have, 0, 10_000)) {
      out.add(e.bytes());
    }
    return out;
  }

  @Test
  void twoBodiesUnderTheLimitMergeIntoOneOverItAndBothReplicasStoreIt() throws Exception {
    SecureRandom random = new SecureRandom();
    try (Workspace a =
            Workspace.open(
                dir.resolve("a.db"), WS, DeviceKey.generate(random), System::currentTimeMillis);
        Workspace b =
            Workspace.open(
                dir.resolve("b.db"), WS, DeviceKey.generate(random), System::currentTimeMillis)) {
      String base = lines("base", 107_000);
      Soul big = a.createNote("big", base);
      assertThat(b.applyRemote(since(a, b.versionVector()))).noneMatch(ApplyResult::isRefused);
      VersionVector before = a.versionVector();
      a.editBody(big, base + lines("alpha", 660_000));
      b.editBody(big, base + lines("bravo", 660_000));
      List<byte[]> fromA = since(a, before);
      List<byte[]> fromB = since(b, before);

      assertThat(b.applyRemote(fromA)).noneMatch(ApplyResult::isRefused);
      assertThat(a.applyRemote(fromB)).noneMatch(ApplyResult::isRefused);

      String merged = a.findNote(big).orElseThrow().body();
      assertThat(merged.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
          .isGreaterThan(ValueCodec.MAX_STRING_BYTES);
      assertThat(merged).contains("alpha line 0 ").contains("bravo line 0 ");
      assertThat(b.findNote(big).orElseThrow().body()).isEqualTo(merged);
      assertThat(a.digest()).isEqualTo(b.digest());
      // Later changes still cross, in both directions.
      VersionVector now = a.versionVector();
      Soul after = a.createNote("after", "small");
      assertThat(b.applyRemote(since(a, now))).noneMatch(ApplyResult::isRefused);
      assertThat(b.findNote(after)).isPresent();
      assertThat(b.node(big)).containsKey("body");
    }
  }
}
