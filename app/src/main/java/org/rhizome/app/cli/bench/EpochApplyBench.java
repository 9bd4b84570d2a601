package org.rhizome.app.cli.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.Grant;
import org.rhizome.graph.membership.InviteKey;
import org.rhizome.graph.membership.Role;

/**
 * {@code bench trust --epoch-notes N} (decision 0009): what sealing every change under the epoch
 * key costs. The same founder writes N notes (one change each) before any removal (plain) and N
 * after one (sealed); a member's replica applies each set in batches. Process CPU per note written
 * and per change applied, medians of the runs after a warm-up; plain and sealed alternate in every
 * run. Beside it the engine's own threads' CPU (writers and verifiers), which leaves out the JIT
 * compiler and the collector — in runs this short, most of the process's variation.
 */
final class EpochApplyBench {
  private static final int BATCH = 500;
  private final int notes;
  private final int runs;
  private final SecureRandom random = new SecureRandom();

  EpochApplyBench(int notes, int runs) {
    this.notes = notes;
    this.runs = runs;
  }

  Map<String, Object> run(Path dir) throws Exception {
    List<Double> plainWrite = new ArrayList<>();
    List<Double> sealedWrite = new ArrayList<>();
    List<Double> plainApply = new ArrayList<>();
    List<Double> sealedApply = new ArrayList<>();
    List<Double> plainWriteEngine = new ArrayList<>();
    List<Double> sealedWriteEngine = new ArrayList<>();
    List<Double> plainApplyEngine = new ArrayList<>();
    List<Double> sealedApplyEngine = new ArrayList<>();
    for (int r = 0; r < runs + 1; r++) {
      System.err.println("epoch run " + r + "…");
      Path d = dir.resolve("epoch" + r);
      java.nio.file.Files.createDirectories(d);
      try (Workspace alice =
              Workspace.create(d.resolve("a.db"), DeviceKey.generate(random), "Bench", "Alice");
          Workspace bob = join(alice, d, "bob");
          Workspace xavier = join(alice, d, "xavier");
          Workspace plainReader = join(alice, d, "p");
          Workspace sealedReader = join(alice, d, "s")) {
        for (Workspace w : List.of(bob, xavier, plainReader, sealedReader)) {
          sync(alice, w);
          sync(w, alice);
        }
        sync(alice, plainReader);
        sync(alice, sealedReader);
        // plain: no removal yet
        double[] pw = write(alice, "plain");
        double[] pa = apply(alice, plainReader);
        alice.membership().removeAsync(xavier.actor()).get();
        sync(alice, sealedReader);
        sync(alice, plainReader);
        double[] sw = write(alice, "sealed");
        double[] sa = apply(alice, sealedReader);
        if (sealedReader.search("sealed", 5).isEmpty()) {
          throw new IllegalStateException("the member did not read the sealed notes");
        }
        if (r > 0) { // the first run warms the JIT
          plainWrite.add(pw[0]);
          sealedWrite.add(sw[0]);
          plainApply.add(pa[0]);
          sealedApply.add(sa[0]);
          plainWriteEngine.add(pw[1]);
          sealedWriteEngine.add(sw[1]);
          plainApplyEngine.add(pa[1]);
          sealedApplyEngine.add(sa[1]);
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("notes", notes);
    out.put("runs", runs);
    out.put("plainWriteCpuUsPerNote", median(plainWrite));
    out.put("sealedWriteCpuUsPerNote", median(sealedWrite));
    out.put("plainApplyCpuUsPerChange", median(plainApply));
    out.put("sealedApplyCpuUsPerChange", median(sealedApply));
    out.put(
        "sealedApplyOverheadPercent",
        Math.round((median(sealedApply) / median(plainApply) - 1) * 1000) / 10.0);
    out.put(
        "sealedWriteOverheadPercent",
        Math.round((median(sealedWrite) / median(plainWrite) - 1) * 1000) / 10.0);
    out.put("plainWriteEngineCpuUsPerNote", median(plainWriteEngine));
    out.put("sealedWriteEngineCpuUsPerNote", median(sealedWriteEngine));
    out.put("plainApplyEngineCpuUsPerChange", median(plainApplyEngine));
    out.put("sealedApplyEngineCpuUsPerChange", median(sealedApplyEngine));
    out.put(
        "sealedApplyOverheadPercentEngineCpu",
        Math.round((median(sealedApplyEngine) / median(plainApplyEngine) - 1) * 1000) / 10.0);
    out.put(
        "sealedWriteOverheadPercentEngineCpu",
        Math.round((median(sealedWriteEngine) / median(plainWriteEngine) - 1) * 1000) / 10.0);
    return out;
  }

  private Workspace join(Workspace alice, Path d, String name) throws Exception {
    InviteKey invite =
        alice.membership().createInviteAsync(Grant.MEMBER, Role.WRITER, Duration.ofDays(1)).get();
    Workspace ws =
        Workspace.openToJoin(d.resolve(name + ".db"), alice.id(), DeviceKey.generate(random));
    sync(alice, ws);
    ws.membership().join(invite, name);
    sync(ws, alice);
    return ws;
  }

  /** Writes the notes; µs of process CPU, and of the engine's threads' CPU, per note. */
  private double[] write(Workspace alice, String word) throws Exception {
    SyncThreadCpu threads = SyncThreadCpu.now();
    long cpu0 = processCpuNanos();
    List<java.util.concurrent.CompletableFuture<?>> pending = new ArrayList<>();
    for (int i = 0; i < notes; i++) {
      pending.add(alice.createNoteAsync("", word + " note " + i, word + " body words " + i));
    }
    for (var f : pending) {
      f.get();
    }
    return new double[] {(processCpuNanos() - cpu0) / 1e3 / notes, engineMicros(threads) / notes};
  }

  /** Milliseconds of the writers' and verifiers' CPU since {@code threads}, in µs. */
  private static double engineMicros(SyncThreadCpu threads) {
    Map<String, Object> byGroup = threads.millisByGroupSince();
    return 1e3
        * (((Number) byGroup.getOrDefault("writer", 0)).doubleValue()
            + ((Number) byGroup.getOrDefault("verify", 0)).doubleValue());
  }

  /**
   * Applies what {@code to} lacks of {@code from}; µs of process CPU, and of the engine's threads'
   * CPU, per change.
   */
  private static double[] apply(Workspace from, Workspace to) throws Exception {
    List<byte[]> missing = new ArrayList<>();
    for (StoredChange c : from.changesSince(to.versionVector(), 0, 1_000_000)) {
      missing.add(c.bytes());
    }
    SyncThreadCpu threads = SyncThreadCpu.now();
    long cpu0 = processCpuNanos();
    for (int i = 0; i < missing.size(); i += BATCH) {
      to.applyRemote(missing.subList(i, Math.min(missing.size(), i + BATCH)));
    }
    int n = Math.max(1, missing.size());
    return new double[] {(processCpuNanos() - cpu0) / 1e3 / n, engineMicros(threads) / n};
  }

  private static void sync(Workspace from, Workspace to) throws Exception {
    List<byte[]> missing = new ArrayList<>();
    for (StoredChange c : from.changesSince(to.versionVector(), 0, 1_000_000)) {
      missing.add(c.bytes());
    }
    if (!missing.isEmpty()) {
      to.applyRemote(missing);
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    int n = s.size();
    return n == 0 ? 0 : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
