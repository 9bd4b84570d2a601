package org.rhizome.app.cli.bench;

import static org.rhizome.app.cli.bench.TimedApply.apply;
import static org.rhizome.app.cli.bench.TimedApply.median;
import static org.rhizome.app.cli.bench.TimedApply.timed;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.Grant;
import org.rhizome.graph.membership.InviteKey;
import org.rhizome.graph.membership.Role;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.VersionVector;

/**
 * The private-note half of {@code bench trust} (decision 0008): a writer makes N plain notes and N
 * private ones (readable by a second member), each edited E times; fresh replicas of the reader
 * (which opens every sealed change) and of a third member (which opens none) apply the plain and
 * the private changes, timed apart, alternating; then the reader opens plain and private notes.
 */
final class PrivateNotesBench {
  private final SecureRandom random = new SecureRandom();
  private final int notes;
  private final int edits;
  private final int runs;

  PrivateNotesBench(int notes, int edits, int runs) {
    this.notes = notes;
    this.edits = edits;
    this.runs = runs;
  }

  Map<String, Object> run(Path work) throws Exception {
    System.err.println("private notes: making " + notes + " plain and " + notes + " private…");
    DeviceKey aliceKey = DeviceKey.generate(random);
    DeviceKey bobKey = DeviceKey.generate(random);
    DeviceKey carolKey = DeviceKey.generate(random);
    List<byte[]> setup;
    List<byte[]> plain = new ArrayList<>();
    List<byte[]> sealed = new ArrayList<>();
    List<Soul> plainSouls = new ArrayList<>();
    List<Soul> privateSouls = new ArrayList<>();
    org.rhizome.graph.model.WorkspaceId id;
    try (Workspace alice = Workspace.create(work.resolve("alice.db"), aliceKey, "Bench", "Alice")) {
      id = alice.id();
      join(alice, work.resolve("bob.db"), bobKey, "Bob");
      join(alice, work.resolve("carol.db"), carolKey, "Carol");
      setup = all(alice, VersionVector.EMPTY);
      VersionVector before = alice.versionVector();
      for (int i = 0; i < notes; i++) {
        Soul s = alice.createNote("", "Plain " + i, body(i, 0));
        plainSouls.add(s);
        for (int e = 1; e <= edits; e++) {
          alice.editBody(s, body(i, e));
        }
      }
      plain = all(alice, before);
      VersionVector middle = alice.versionVector();
      for (int i = 0; i < notes; i++) {
        Soul s = alice.createPrivateNote("", "Private " + i, body(i, 0), List.of(bobKey.actor()));
        privateSouls.add(s);
        for (int e = 1; e <= edits; e++) {
          alice.editBody(s, body(i, e));
        }
      }
      sealed = all(alice, middle);
    }
    List<Double> readerPlain = new ArrayList<>();
    List<Double> readerSealed = new ArrayList<>();
    List<Double> readerPlainCpu = new ArrayList<>();
    List<Double> readerSealedCpu = new ArrayList<>();
    List<Double> otherSealed = new ArrayList<>();
    List<Double> readerPlainWriter = new ArrayList<>();
    List<Double> readerSealedWriter = new ArrayList<>();
    List<Double> readerPlainEngine = new ArrayList<>();
    List<Double> readerSealedEngine = new ArrayList<>();
    Map<String, Object> open = null;
    // The private changes follow the plain ones in the writer's chain: they apply after them.
    List<byte[]> setupAndPlain = new ArrayList<>(setup);
    setupAndPlain.addAll(plain);
    for (int r = 0; r <= runs; r++) {
      System.err.println("private notes: run " + r + "…");
      double[] p =
          timed(
              work.resolve("rp" + r + ".db"),
              f -> Workspace.openToJoin(f, id, bobKey),
              setup,
              plain);
      double[] s =
          timed(
              work.resolve("rs" + r + ".db"),
              f -> Workspace.openToJoin(f, id, bobKey),
              setupAndPlain,
              sealed);
      double[] o =
          timed(
              work.resolve("os" + r + ".db"),
              f -> Workspace.openToJoin(f, id, carolKey),
              setupAndPlain,
              sealed);
      if (r == 0) {
        continue; // warms the JIT
      }
      readerPlain.add(p[0]);
      readerPlainCpu.add(p[1]);
      readerSealed.add(s[0]);
      readerSealedCpu.add(s[1]);
      otherSealed.add(o[0]);
      readerPlainWriter.add(p[2]);
      readerSealedWriter.add(s[2]);
      readerPlainEngine.add(p[2] + p[3]);
      readerSealedEngine.add(s[2] + s[3]);
    }
    Path both = work.resolve("open.db");
    List<byte[]> everything = new ArrayList<>(setup);
    everything.addAll(plain);
    everything.addAll(sealed);
    try (Workspace bob = Workspace.openToJoin(both, id, bobKey)) {
      apply(bob, everything);
      open = openFigures(bob, plainSouls, privateSouls);
    }
    int changes = plain.size();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("notes", notes);
    out.put("editsPerNote", edits);
    out.put("changesEach", changes);
    out.put("readerPlainChangesPerSecond", Math.round(changes / (median(readerPlain) / 1000)));
    out.put(
        "readerPrivateChangesPerSecond", Math.round(sealed.size() / (median(readerSealed) / 1000)));
    out.put(
        "nonReaderPrivateChangesPerSecond",
        Math.round(sealed.size() / (median(otherSealed) / 1000)));
    out.put("readerPlainCpuMsMedian", Math.round(median(readerPlainCpu)));
    out.put("readerPrivateCpuMsMedian", Math.round(median(readerSealedCpu)));
    out.put(
        "decryptionOverheadPercentCpu",
        Math.round((median(readerSealedCpu) / median(readerPlainCpu) - 1) * 1000) / 10.0);
    out.put(
        "decryptionOverheadPercentWall",
        Math.round((median(readerSealed) / median(readerPlain) - 1) * 1000) / 10.0);
    // The engine's own threads (writer + verifiers): without the JIT and the collector, whose
    // share of runs this short varies more than the whole difference.
    out.put("readerPlainEngineCpuMsMedian", Math.round(median(readerPlainEngine)));
    out.put("readerPrivateEngineCpuMsMedian", Math.round(median(readerSealedEngine)));
    out.put(
        "decryptionOverheadPercentEngineCpu",
        Math.round((median(readerSealedEngine) / median(readerPlainEngine) - 1) * 1000) / 10.0);
    out.put("readerPlainWriterCpuMsMedian", Math.round(median(readerPlainWriter)));
    out.put("readerPrivateWriterCpuMsMedian", Math.round(median(readerSealedWriter)));
    out.put("open", open);
    return out;
  }

  private static String body(int i, int edit) {
    StringBuilder b = new StringBuilder("Notes on topic ").append(i % 97).append(".\n\n");
    for (int e = 0; e <= edit; e++) {
      b.append("Paragraph ").append(e).append(" says something about [[Plain ").append(i / 2);
      b.append("]] and #tag").append(i % 13).append(".\n");
    }
    return b.toString();
  }

  private void join(Workspace admin, Path file, DeviceKey key, String name) throws Exception {
    InviteKey invite =
        admin.membership().createInviteAsync(Grant.MEMBER, Role.WRITER, Duration.ofDays(1)).get();
    try (Workspace ws = Workspace.openToJoin(file, admin.id(), key)) {
      apply(ws, all(admin, VersionVector.EMPTY));
      ws.membership().join(invite, name);
      apply(admin, all(ws, admin.versionVector()));
    }
  }

  private static List<byte[]> all(Workspace ws, VersionVector have) throws Exception {
    List<byte[]> out = new ArrayList<>();
    for (StoredChange c : ws.changesSince(have, 0, Integer.MAX_VALUE)) {
      out.add(c.bytes());
    }
    return out;
  }

  /** Median µs to open a note (its fields and its live body), plain against private, same file. */
  private static Map<String, Object> openFigures(
      Workspace ws, List<Soul> plain, List<Soul> privates) throws Exception {
    Random pick = new Random(7);
    List<Double> p = new ArrayList<>();
    List<Double> s = new ArrayList<>();
    int n = Math.min(2000, plain.size() * 4);
    for (int i = 0; i < n; i++) {
      p.add(openMicros(ws, plain.get(pick.nextInt(plain.size()))));
      s.add(openMicros(ws, privates.get(pick.nextInt(privates.size()))));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("opens", n);
    m.put("plainMicrosMedian", Math.round(median(p) * 10) / 10.0);
    m.put("privateMicrosMedian", Math.round(median(s) * 10) / 10.0);
    m.put("overMicros", Math.round((median(s) - median(p)) * 10) / 10.0);
    return m;
  }

  private static double openMicros(Workspace ws, Soul soul) throws Exception {
    long t0 = System.nanoTime();
    if (ws.findNote(soul).isEmpty() || ws.openBody(soul).text().isEmpty()) {
      throw new IllegalStateException("the reader cannot open " + soul);
    }
    return (System.nanoTime() - t0) / 1e3;
  }
}
