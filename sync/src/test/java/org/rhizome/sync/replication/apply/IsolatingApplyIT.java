package org.rhizome.sync.replication.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.RefusalReason;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.model.WorkspaceId;

/**
 * Real replicas of one workspace; the receiver's engine is wrapped so that any transaction holding
 * one chosen change fails, as an engine bug or a local limit would. That change alone is set aside.
 */
@Timeout(60)
class IsolatingApplyIT {
  private static final WorkspaceId WS =
      WorkspaceId.of(new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6});

  @TempDir Path dir;

  private final SecureRandom random = new SecureRandom();

  private Workspace replica(String name) throws Exception {
    return Workspace.open(
        dir.resolve(name + ".db"), WS, DeviceKey.generate(random), System::currentTimeMillis);
  }

  private static List<byte[]> changesOf(Workspace ws) throws Exception {
    List<byte[]> out = new ArrayList<>();
    for (StoredChange e : ws.changesSince(VersionVector.EMPTY, 0, 1_000)) {
      if (e.author().equals(ws.actor())) {
        out.add(e.bytes());
      }
    }
    return out;
  }

  @Test
  void aChangeTheEngineCannotStoreIsRefusedAloneAndIndependentChangesStillApply() throws Exception {
    try (Workspace a = replica("a");
        Workspace c = replica("c");
        Workspace b = replica("b")) {
      for (int i = 0; i < 6; i++) {
        a.createNote("from a " + i, "body " + i);
        c.createNote("from c " + i, "body " + i);
      }
      List<byte[]> fromA = changesOf(a);
      List<byte[]> fromC = changesOf(c);
      List<byte[]> batch = new ArrayList<>();
      for (int i = 0; i < Math.max(fromA.size(), fromC.size()); i++) {
        if (i < fromA.size()) {
          batch.add(fromA.get(i));
        }
        if (i < fromC.size()) {
          batch.add(fromC.get(i));
        }
      }
      byte[] poisoned = fromA.get(2);
      int[] transactions = new int[1];
      IsolatingApply.Engine failing =
          changes -> {
            transactions[0]++;
            if (changes.contains(poisoned)) {
              return CompletableFuture.failedFuture(
                  new StoreException("injected: this change cannot be stored"));
            }
            return b.applyRemoteAsync(changes);
          };

      List<ApplyResult> results = IsolatingApply.apply(failing, batch).get(30, TimeUnit.SECONDS);

      assertThat(results).hasSize(batch.size());
      ApplyResult bad = results.get(batch.indexOf(poisoned));
      assertThat(bad.reason()).isEqualTo(RefusalReason.UNSTORABLE);
      assertThat(bad.hash()).isNotNull();
      assertThat(bad.detail())
          .contains("StoreException")
          .contains("injected: this change cannot be stored");
      for (int i = 0; i < batch.size(); i++) {
        byte[] ch = batch.get(i);
        ApplyResult r = results.get(i);
        if (fromC.contains(ch) || fromA.indexOf(ch) < 2) {
          assertThat(r.status()).as("change %d", i).isEqualTo(ApplyResult.Status.APPLIED);
        } else if (ch != poisoned) {
          // A's later changes follow the one set aside: they wait for it (and come with the next
          // pull).
          assertThat(r.reason()).as("change %d", i).isEqualTo(RefusalReason.GAP_IN_SEQ);
        }
      }
      assertThat(transactions[0])
          .isLessThan(2 * (int) Math.ceil(Math.log(batch.size()) / Math.log(2)) + 3);
      assertThat(b.versionVector().get(c.actor())).isEqualTo(fromC.size());
      assertThat(b.versionVector().get(a.actor())).isEqualTo(2);

      // Once the engine can store it (the next pull), the rest of A's chain follows.
      List<ApplyResult> again = IsolatingApply.apply(b, batch).get(30, TimeUnit.SECONDS);
      assertThat(again).noneMatch(ApplyResult::isRefused);
      assertThat(b.digest()).isEqualTo(mergedDigest(a, c));
    }
  }

  @Test
  void aStoreThatFailsEveryChangeFailsTheBatchRatherThanRefusingEveryChange() throws Exception {
    try (Workspace a = replica("a")) {
      for (int i = 0; i < 4; i++) {
        a.createNote("n" + i, "x");
      }
      IsolatingApply.Engine broken =
          changes -> CompletableFuture.failedFuture(new StoreException("disk I/O error"));
      assertThatThrownBy(() -> IsolatingApply.apply(broken, changesOf(a)).get(30, TimeUnit.SECONDS))
          .hasMessageContaining("disk I/O error");
    }
  }

  private String mergedDigest(Workspace a, Workspace c) throws Exception {
    try (Workspace m = replica("merged")) {
      m.applyRemote(changesOf(a));
      m.applyRemote(changesOf(c));
      return m.digest();
    }
  }
}
