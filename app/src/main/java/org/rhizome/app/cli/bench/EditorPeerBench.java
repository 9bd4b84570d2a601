package org.rhizome.app.cli.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.Grant;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.text.Splice;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.replication.SyncConfig;
import org.rhizome.sync.replication.WorkspaceSync;
import org.rhizome.sync.replication.invite.Invite;
import org.rhizome.sync.replication.invite.SharedWorkspaces;

/**
 * A remote keystroke over real libp2p (issue 13's "remote keystroke → visible in the editor, ≤ 50
 * ms p95 on loopback, 2 peers"): two devices of one shared workspace, each with its own file,
 * device key and libp2p host (TCP, Noise, Yamux, GossipSub) on 127.0.0.1, in this JVM. A types one
 * character at a time into a note (one change each, as the editor's batch of one key); B has the
 * note open in an {@link EditorBench.Editor}; the figure is A's call to write the key → B's editor
 * has applied the splice (commit on A, gossip, verification and apply on B, the change feed, the
 * editor's replica).
 */
final class EditorPeerBench {
  private static final Multiaddr LOOPBACK = Multiaddr.parse("/ip4/127.0.0.1/tcp/0");

  private final int samples;
  private final Path dir;
  private final PrintStream log;

  EditorPeerBench(int samples, Path dir, PrintStream log) {
    this.samples = samples;
    this.dir = dir;
    this.log = log;
  }

  Map<String, Object> run() throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    SecureRandom secure = new SecureRandom();
    Random random = new Random(13);
    DeviceKey keyA = DeviceKey.generate(secure);
    DeviceKey keyB = DeviceKey.generate(secure);
    long setup0 = System.nanoTime();
    try (Workspace a = SharedWorkspaces.found(dir.resolve("a.db"), keyA, "bench", "a");
        WorkspaceSync syncA = WorkspaceSync.start(a, keyA, config(a, List.of()))) {
      Invite invite =
          SharedWorkspaces.invite(
              a, Grant.MEMBER, Duration.ofHours(1), syncA.host().listenAddresses());
      try (Workspace b =
              SharedWorkspaces.openForInvite(
                  dir.resolve("b.db"), keyB, Invite.parse(invite.format()), "b");
          WorkspaceSync syncB =
              WorkspaceSync.start(b, keyB, config(b, syncA.host().listenAddresses()))) {
        await("B's join", () -> b.membership().canWrite() && a.membership().canWrite());
        Soul note =
            a.createNote("Typed on A", "An idea for goals.\nDecision: ship on Friday\n".repeat(20));
        await("the note reaching B", () -> b.findNote(note).isPresent());
        out.put("setup_s", Math.round((System.nanoTime() - setup0) / 1e7) / 100.0);
        EditorBench.Editor editor = new EditorBench.Editor(note, b.openBody(note));
        try (AutoCloseable sub = b.subscribe(editor::onEvent)) {
          Percentiles keyToEditor = new Percentiles();
          Percentiles keyToCommit = new Percentiles();
          long wall0 = System.nanoTime();
          long cpu0 = processCpuNanos();
          int length = a.findNote(note).orElseThrow().body().length();
          for (int i = 0; i < samples + 10; i++) {
            CountDownLatch shown = new CountDownLatch(1);
            editor.onApplied.set(shown::countDown);
            long t0 = System.nanoTime();
            a.spliceBodyAsync(note, List.of(new Splice(random.nextInt(length + 1), 0, "k")))
                .get(10, TimeUnit.SECONDS);
            long committed = System.nanoTime();
            length++;
            if (!shown.await(10, TimeUnit.SECONDS)) {
              throw new IllegalStateException(
                  "B's editor did not get A's keystroke " + i + " within 10 s");
            }
            if (i >= 10) { // the first ten warm the path (JIT, the gossip mesh)
              keyToEditor.add(System.nanoTime() - t0);
              keyToCommit.add(committed - t0);
            }
            Thread.sleep(
                20
                    + random.nextInt(
                        40)); // a typist's pace: one key at a time, each seen before the next
          }
          out.put("keystroke_a_to_editor_b", keyToEditor.summaryMillis());
          out.put("keystroke_a_commit", keyToCommit.summaryMillis());
          out.put("wall_s", Math.round((System.nanoTime() - wall0) / 1e7) / 100.0);
          out.put("process_cpu_s", Math.round((processCpuNanos() - cpu0) / 1e7) / 100.0);
          log.println("libp2p keystroke A → editor B " + keyToEditor.summaryMillis());
          String onA = a.findNote(note).orElseThrow().body();
          await(
              "B's editor showing A's text",
              () -> editor.thread.submit(() -> editor.shown.toString()).get().equals(onA));
          out.put("editor_b_equals_a", true);
        } finally {
          editor.thread.shutdown();
        }
      }
    }
    return out;
  }

  private static SyncConfig config(Workspace ws, List<Multiaddr> peers) throws Exception {
    return SyncConfig.defaults(SharedWorkspaces.secret(ws).orElseThrow())
        .withListen(List.of(LOOPBACK))
        .withPeers(peers)
        .withRedial(Duration.ofMillis(300))
        .withAntiEntropy(Duration.ofSeconds(5))
        .withAgentVersion("rhizome-bench");
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  private static void await(String what, Check condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "bench editor --libp2p: " + what + " did not happen within 60 s");
      }
      Thread.sleep(5);
    }
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }
}
