package org.rhizome.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.RefusalReason;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.ChangeChain;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;

/**
 * Copies of changes the log already holds are answered as duplicates without checking their
 * signatures again (peers offer each change several times); anything that only looks like a stored
 * change — same author and seq, other bytes — is still checked and refused as before.
 */
class StoredCopiesIT {
  @TempDir Path dir;
  final SecureRandom random = new SecureRandom();
  final DeviceKey author = DeviceKey.generate(random);

  static List<Op> set(String soul, String value) {
    return List.of(new Op.SetField(new Soul(soul), "title", Value.of(value)));
  }

  @Test
  void storedCopiesAreDuplicatesAndLookalikesAreRefused() throws Exception {
    try (Workspace ws = Workspace.open(dir.resolve("ws.db"), DeviceKey.generate(random))) {
      ChangeChain chain = new ChangeChain(ws.id(), author);
      Change first = chain.next(1, set("a", "one"));
      Change second = chain.next(2, set("a", "two"));
      assertThat(ws.applyRemote(List.of(first.encoded(), second.encoded())))
          .extracting(ApplyResult::status)
          .containsOnly(ApplyResult.Status.APPLIED);
      String digest = ws.digest();

      byte[] tampered = second.encoded().clone();
      tampered[tampered.length - 1] ^= 1; // same author and seq, a signature that fails
      Change fork = new ChangeChain(ws.id(), author).next(1, set("a", "forked"));
      Change third = chain.next(3, set("a", "three"));
      List<byte[]> offered = new ArrayList<>();
      offered.add(first.encoded());
      offered.add(tampered);
      offered.add(second.encoded());
      offered.add(fork.encoded());
      offered.add(third.encoded());
      offered.add(third.encoded());
      List<ApplyResult> results = ws.applyRemote(offered);

      assertThat(results.get(0).status()).isEqualTo(ApplyResult.Status.DUPLICATE);
      assertThat(results.get(0).hash()).isEqualTo(first.hash());
      assertThat(results.get(1).reason()).isEqualTo(RefusalReason.BAD_SIGNATURE);
      assertThat(results.get(2).status()).isEqualTo(ApplyResult.Status.DUPLICATE);
      assertThat(results.get(3).reason()).isEqualTo(RefusalReason.FORKED_SEQ);
      assertThat(results.get(4).status()).isEqualTo(ApplyResult.Status.APPLIED);
      assertThat(results.get(5).status()).isEqualTo(ApplyResult.Status.DUPLICATE);
      assertThat(ws.digest()).isNotEqualTo(digest);

      // Offered again once stored, the whole batch is copies: nothing changes.
      String after = ws.digest();
      assertThat(ws.applyRemote(List.of(third.encoded(), first.encoded(), second.encoded())))
          .extracting(ApplyResult::status)
          .containsOnly(ApplyResult.Status.DUPLICATE);
      assertThat(ws.digest()).isEqualTo(after);
    }
  }
}
