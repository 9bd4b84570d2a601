package org.rhizome.sync.replication.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.model.WorkspaceId;

/**
 * Live messages offered one after another to a real replica, as the gossip thread offers them:
 * however they are grouped and pipelined, each message gets its own changes' results, and one
 * author's chain reaches the writer in order (no change waits for one behind it).
 */
@Timeout(120)
class RemoteApplyQueueIT {
  private static final WorkspaceId WS =
      WorkspaceId.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});

  @TempDir Path dir;

  private final SecureRandom random = new SecureRandom();

  private Workspace replica(String name) throws Exception {
    return Workspace.open(
        dir.resolve(name + ".db"), WS, DeviceKey.generate(random), System::currentTimeMillis);
  }

  @Test
  void messagesOfferedFastAreGroupedKeepTheirOrderAndGetTheirOwnResults() throws Exception {
    try (Workspace a = replica("a");
        Workspace b = replica("b")) {
      List<String[]> drafts = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        drafts.add(new String[] {"note " + i, "body " + i});
      }
      for (int i = 0; i < 600; i += 100) {
        a.createNotesAsync(drafts.subList(i, i + 100)).get(60, TimeUnit.SECONDS);
      }
      List<StoredChange> log = a.changesSince(VersionVector.EMPTY, 0, 10_000);
      assertThat(log).hasSizeGreaterThanOrEqualTo(600);
      AtomicInteger transactions = new AtomicInteger();
      RemoteApplyQueue queue =
          new RemoteApplyQueue(
              changes -> {
                transactions.incrementAndGet();
                return b.applyRemoteAsync(changes);
              });
      // Messages of 1 to 7 changes, in log order, offered without waiting.
      List<List<StoredChange>> messages = new ArrayList<>();
      List<CompletableFuture<List<ApplyResult>>> results = new ArrayList<>();
      for (int at = 0; at < log.size(); ) {
        int n = Math.min(log.size() - at, 1 + random.nextInt(7));
        List<StoredChange> message = log.subList(at, at + n);
        messages.add(message);
        results.add(queue.offer(message.stream().map(StoredChange::bytes).toList()));
        at += n;
      }
      for (int m = 0; m < messages.size(); m++) {
        List<ApplyResult> got = results.get(m).get(60, TimeUnit.SECONDS);
        assertThat(got).hasSameSizeAs(messages.get(m));
        for (int i = 0; i < got.size(); i++) {
          assertThat(got.get(i).status()).isEqualTo(ApplyResult.Status.APPLIED);
          assertThat(got.get(i).hash()).isEqualTo(messages.get(m).get(i).hash());
        }
      }
      // Grouped: far fewer transactions than messages.
      assertThat(transactions.get()).isLessThan(messages.size());
      assertThat(b.digest()).isEqualTo(a.digest());

      // The same message again: duplicates, not errors.
      List<ApplyResult> again =
          queue.offer(List.of(log.get(0).bytes(), log.get(1).bytes())).get(30, TimeUnit.SECONDS);
      assertThat(again)
          .extracting(ApplyResult::status)
          .containsExactly(ApplyResult.Status.DUPLICATE, ApplyResult.Status.DUPLICATE);
    }
  }

  @Test
  void aClosedReplicaFailsEveryMessageAndTheQueueDoesNotWedge() throws Exception {
    Workspace a = replica("a");
    Workspace b = replica("b");
    try (a) {
      a.createNote("one", "1");
      a.createNote("two", "2");
      List<StoredChange> log = a.changesSince(VersionVector.EMPTY, 0, 100);
      RemoteApplyQueue queue = new RemoteApplyQueue(b);
      b.close();
      List<CompletableFuture<List<ApplyResult>>> results = new ArrayList<>();
      for (StoredChange c : log) {
        results.add(queue.offer(List.of(c.bytes())));
      }
      for (CompletableFuture<List<ApplyResult>> r : results) {
        try {
          r.get(30, TimeUnit.SECONDS);
          throw new AssertionError("a closed replica stored a change");
        } catch (ExecutionException expected) {
          // the store's failure, reported per message
        }
      }
    }
  }
}
