package org.rhizome.app.cli.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.text.Splice;

/**
 * {@code bench soak}: real replicas of one shared workspace on loopback, for a given time, doing
 * what people and machines do: random edits and new notes on every peer, all of them writing into
 * one shared note at once (which grows past the size a single local edit may reach), peers going
 * offline and writing alone, and whole restarts (sync stopped, the file closed and opened again).
 * At the end every peer comes back and the run waits for one digest everywhere, then counts
 * acknowledged changes missing from any replica (must be 0) and the growth of heap and files per
 * hour.
 *
 * <p>Kills of real processes are the crash test's (app's {@code CrashSafetyIT}); here everything
 * runs in one process so the replicas can be compared at the end.
 */
final class SoakBench {
  /** Past this the shared note stops growing (a merge may still exceed the local edit limit). */
  private static final int SHARED_NOTE_CAP = 3 << 20;

  private final Path dir;
  private final PrintStream progress;
  private final Random random;

  SoakBench(Path dir, PrintStream progress, long seed) {
    this.dir = dir;
    this.progress = progress;
    this.random = new Random(seed);
  }

  Map<String, Object> run(int peers, Duration length) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("peers", peers);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (BenchPeers p = new BenchPeers(dir)) {
      p.found();
      p.start(0);
      for (int i = 1; i < peers; i++) {
        p.join();
      }
      BenchPeers.await("joining", Duration.ofSeconds(120), () -> p.allMembers() && p.converged());
      Soul shared = p.workspaces.get(0).createNote("Shared", "Everyone writes here.\n");
      BenchPeers.await("the shared note arriving", Duration.ofSeconds(60), p::converged);
      progress.println(
          "bench soak: " + peers + " peers joined; soaking for " + length.toSeconds() + " s");

      System.gc();
      long heapStart = memory.getHeapMemoryUsage().getUsed();
      long filesStart = filesBytes();
      long[] acknowledged = new long[peers];
      List<List<Soul>> own = new ArrayList<>();
      for (int i = 0; i < peers; i++) {
        own.add(new ArrayList<>());
      }
      int offline = -1;
      long offlineUntil = 0;
      int restarts = 0;
      int offlinePeriods = 0;
      long sharedEdits = 0;
      long start = System.nanoTime();
      long end = start + length.toNanos();
      while (System.nanoTime() < end) {
        long now = System.nanoTime();
        if (offline >= 0 && now > offlineUntil) {
          p.start(offline);
          offline = -1;
        }
        int roll = random.nextInt(1000);
        if (offline < 0 && roll < 3) {
          offline = 1 + random.nextInt(peers - 1);
          p.syncs.get(offline).close();
          p.syncs.set(offline, null);
          offlineUntil = now + Duration.ofMillis(500 + random.nextInt(4000)).toNanos();
          offlinePeriods++;
        } else if (offline < 0 && roll < 5) {
          restart(p, 1 + random.nextInt(peers - 1));
          restarts++;
        }
        int who = random.nextInt(peers);
        Workspace ws = p.workspaces.get(who);
        int kind = random.nextInt(10);
        if (kind < 2 || own.get(who).isEmpty()) {
          own.get(who)
              .add(
                  ws.createNote(
                      "soak " + who + " " + acknowledged[who], "Started by peer " + who + ".\n"));
        } else if (kind < 7) {
          Soul note = own.get(who).get(random.nextInt(own.get(who).size()));
          appendLine(ws, note, "edit by " + who + " #" + acknowledged[who]);
        } else {
          String sharedBody = body(ws, shared);
          if (sharedBody.length() < SHARED_NOTE_CAP) {
            // Long lines into one note from every peer at once, online or not.
            append(
                ws,
                shared,
                sharedBody,
                ("peer " + who + " writes ").repeat(200 + random.nextInt(800)));
            sharedEdits++;
          } else {
            appendLine(ws, own.get(who).get(0), "shared note full; edit by " + who);
          }
        }
        acknowledged[who]++;
        Thread.sleep(random.nextInt(3));
      }
      if (offline >= 0) {
        p.start(offline);
      }
      long settleStart = System.nanoTime();
      BenchPeers.await(
          "every peer converging after the soak", Duration.ofSeconds(300), p::converged);
      double settleMs = (System.nanoTime() - settleStart) / 1e6;
      double hours = (System.nanoTime() - start) / 3.6e12;

      long lost = 0;
      for (int i = 0; i < peers; i++) {
        ActorId author = p.keys.get(i).actor();
        long authored = p.workspaces.get(i).versionVector().asMap().getOrDefault(author, 0L);
        for (Workspace replica : p.workspaces) {
          lost += Math.max(0, authored - replica.versionVector().asMap().getOrDefault(author, 0L));
        }
      }
      System.gc();
      long heapEnd = memory.getHeapMemoryUsage().getUsed();
      long filesEnd = filesBytes();
      List<String> digests = new ArrayList<>();
      for (Workspace w : p.workspaces) {
        digests.add(w.digest());
      }
      long total = 0;
      for (long a : acknowledged) {
        total += a;
      }
      out.put("seconds", Math.round(hours * 3600));
      out.put("editsAcknowledged", total);
      out.put("sharedNoteEdits", sharedEdits);
      out.put("sharedNoteChars", body(p.workspaces.get(0), shared).length());
      out.put("offlinePeriods", offlinePeriods);
      out.put("restarts", restarts);
      out.put("convergedAfterMs", Math.round(settleMs));
      out.put("changesLost", lost);
      out.put("digestsEqual", digests.stream().distinct().count() == 1);
      out.put("digest", digests.get(0));
      out.put("heapGrowthMiBPerHour", round((heapEnd - heapStart) / 1048576.0 / hours));
      out.put("fileGrowthMiBPerHour", round((filesEnd - filesStart) / 1048576.0 / hours));
      out.put("filesMiB", round(filesEnd / 1048576.0));
    }
    return out;
  }

  private static String body(Workspace ws, Soul note) throws Exception {
    return ws.bodies(List.of(note)).get(0);
  }

  private static void appendLine(Workspace ws, Soul note, String line) throws Exception {
    append(ws, note, body(ws, note), line);
  }

  /** Adds a line at the end of {@code body}, the note's text as just read. */
  private static void append(Workspace ws, Soul note, String body, String line) throws Exception {
    ws.spliceBody(note, List.of(new Splice(body.codePointCount(0, body.length()), 0, line + "\n")));
  }

  /**
   * Stops a peer's sync, closes its file, opens it again and syncs again: what a restart of the app
   * does.
   */
  private static void restart(BenchPeers p, int i) throws Exception {
    if (p.syncs.get(i) != null) {
      p.syncs.get(i).close();
      p.syncs.set(i, null);
    }
    Workspace old = p.workspaces.get(i);
    Path file = old.file();
    DeviceKey key = p.keys.get(i);
    old.close();
    p.workspaces.set(i, Workspace.open(file, key));
    p.start(i);
  }

  private long filesBytes() throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
