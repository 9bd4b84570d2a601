package org.rhizome.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.RefusalReason;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.ChangeChain;
import org.rhizome.graph.change.ChangeCodec;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.model.WorkspaceId;

/** Every kind of bad change is refused with its reason, and refusing it changes nothing stored. */
class BadChangesIT {
  @TempDir Path dir;
  final SecureRandom random = new SecureRandom();
  final DeviceKey mallory = DeviceKey.generate(random);
  final DeviceKey other = DeviceKey.generate(random);

  static List<Op> set(String soul, String field, String value) {
    return List.of(new Op.SetField(new Soul(soul), field, Value.of(value)));
  }

  Path seededWorkspace(WorkspaceId[] id) throws Exception {
    Path file = dir.resolve("ws.db");
    try (Workspace ws = Workspace.open(file, DeviceKey.generate(random))) {
      ws.createNote("Existing", "[[Other]] #keep");
      id[0] = ws.id();
    }
    return file;
  }

  /**
   * Offers {@code bad} to a closed workspace file and checks the reason and that the file is
   * byte-for-byte the same.
   */
  void assertRefusedUntouched(Path file, byte[] bad, RefusalReason reason) throws Exception {
    byte[] before = Files.readAllBytes(file);
    try (Workspace ws = Workspace.open(file, DeviceKey.generate(random))) {
      ApplyResult r = ws.applyRemote(bad);
      assertThat(r.status()).isEqualTo(ApplyResult.Status.REFUSED);
      assertThat(r.reason()).as(r.detail()).isEqualTo(reason);
    }
    byte[] after = Files.readAllBytes(file);
    int firstDifference = java.util.Arrays.mismatch(before, after);
    assertThat(firstDifference)
        .as(
            "first differing byte of the database after refusing %s (sizes %d -> %d)",
            reason, before.length, after.length)
        .isEqualTo(-1);
  }

  @Test
  void badSignatureIsRefused() throws Exception {
    WorkspaceId[] id = new WorkspaceId[1];
    Path file = seededWorkspace(id);
    byte[] bytes = new ChangeChain(id[0], mallory).next(5, set("x", "title", "forged")).encoded();
    bytes[bytes.length - 1] ^= 1;
    assertRefusedUntouched(file, bytes, RefusalReason.BAD_SIGNATURE);
  }

  @Test
  void changeSignedByAnotherKeyThanItsActorIsRefused() throws Exception {
    WorkspaceId[] id = new WorkspaceId[1];
    Path file = seededWorkspace(id);
    byte[] honest = new ChangeChain(id[0], mallory).next(5, set("x", "title", "mine")).encoded();
    byte[] forged = new ChangeChain(id[0], other).next(5, set("x", "title", "mine")).encoded();
    // mallory's header with other's signature
    System.arraycopy(forged, forged.length - 64, honest, honest.length - 64, 64);
    assertRefusedUntouched(file, honest, RefusalReason.BAD_SIGNATURE);
  }

  @Test
  void gapInSeqIsRefused() throws Exception {
    WorkspaceId[] id = new WorkspaceId[1];
    Path file = seededWorkspace(id);
    ChangeChain chain = new ChangeChain(id[0], mallory);
    chain.next(5, set("x", "title", "one"));
    assertRefusedUntouched(
        file, chain.next(6, set("x", "title", "two")).encoded(), RefusalReason.GAP_IN_SEQ);
  }

  @Test
  void forkedSeqIsRefused() throws Exception {
    WorkspaceId[] id = new WorkspaceId[1];
    Path file = seededWorkspace(id);
    Change first = new ChangeChain(id[0], mallory).next(5, set("x", "title", "one"));
    try (Workspace ws = Workspace.open(file, DeviceKey.generate(random))) {
      assertThat(ws.applyRemote(first.encoded()).status()).isEqualTo(ApplyResult.Status.APPLIED);
    }
    Change fork = new ChangeChain(id[0], mallory).next(5, set("x", "title", "another one"));
    assertRefusedUntouched(file, fork.encoded(), RefusalReason.FORKED_SEQ);
  }

  @Test
  void duplicateIsIgnoredNotRefused() throws Exception {
    WorkspaceId[] id = new WorkspaceId[1];
    Path file = seededWorkspace(id);
    Change c = new ChangeChain(id[0], mallory).next(5, set("x", "title", "one"));
    try (Workspace ws = Workspace.open(file, DeviceKey.generate(random))) {
      assertThat(ws.applyRemote(c.encoded()).status()).isEqualTo(ApplyResult.Status.APPLIED);
      String digest = ws.digest();
      assertThat(ws.applyRemote(c.encoded()).status()).isEqualTo(ApplyResult.Status.DUPLICATE);
      assertThat(ws.digest()).isEqualTo(digest);
    }
  }

  @Test
  void changeOfAnotherWorkspaceIsRefused() throws Exception {
    WorkspaceId[] id = new WorkspaceId[1];
    Path file = seededWorkspace(id);
    WorkspaceId elsewhere = WorkspaceId.of(new byte[16]);
    assertRefusedUntouched(
        file,
        new ChangeChain(elsewhere, mallory).next(5, set("x", "t", "v")).encoded(),
        RefusalReason.WRONG_WORKSPACE);
  }

  @Test
  void missingDependencyIsRefused() throws Exception {
    WorkspaceId[] id = new WorkspaceId[1];
    Path file = seededWorkspace(id);
    Change c =
        new ChangeChain(id[0], mallory)
            .next(5, VersionVector.of(Map.of(other.actor(), 4L)), set("x", "t", "v"));
    assertRefusedUntouched(file, c.encoded(), RefusalReason.MISSING_DEPENDENCY);
  }

  @Test
  void oversizedAndMalformedBytesAreRefused() throws Exception {
    WorkspaceId[] id = new WorkspaceId[1];
    Path file = seededWorkspace(id);
    assertRefusedUntouched(
        file, new byte[ChangeCodec.MAX_CHANGE_BYTES + 1], RefusalReason.TOO_LARGE);
    assertRefusedUntouched(file, new byte[0], RefusalReason.MALFORMED);
    assertRefusedUntouched(
        file,
        "{\"not\":\"a change\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        RefusalReason.MALFORMED);
  }

  @Test
  void goodChangesInABatchApplyAroundARefusedOne() throws Exception {
    WorkspaceId[] id = new WorkspaceId[1];
    Path file = seededWorkspace(id);
    ChangeChain chain = new ChangeChain(id[0], mallory);
    byte[] one = chain.next(5, set("x", "title", "one")).encoded();
    byte[] two = chain.next(6, set("x", "title", "two")).encoded();
    byte[] bad = two.clone();
    bad[bad.length - 3] ^= 4;
    try (Workspace ws = Workspace.open(file, DeviceKey.generate(random))) {
      List<ApplyResult> results = ws.applyRemote(List.of(one, bad, two));
      assertThat(results)
          .extracting(ApplyResult::status)
          .containsExactly(
              ApplyResult.Status.APPLIED, ApplyResult.Status.REFUSED, ApplyResult.Status.APPLIED);
      assertThat(ws.node(new Soul("x"))).containsEntry("title", Value.of("two"));
    }
  }
}
