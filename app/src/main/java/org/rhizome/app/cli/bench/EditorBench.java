package org.rhizome.app.cli.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.rhizome.graph.EditorReplica;
import org.rhizome.graph.VersionedText;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.NoteFields;
import org.rhizome.graph.text.Splice;

/**
 * The editor bridge's latencies (issue 13), without a screen: an {@link EditorReplica} on its own
 * thread (as the FX thread would hold it) shows a note while
 *
 * <ol>
 *   <li>a second Workspace on the same file (the CLI in another process; here another set of
 *       connections and another writer in this JVM) edits it: commit → splices applied in the
 *       editor;
 *   <li>a peer's change is offered to the engine ({@code applyRemote}, the network left out): offer
 *       → splices applied in the editor;
 *   <li>the person types into a 200 KB note while a peer's edits land: the editor thread's cost per
 *       keystroke and per incoming change, and the engine's write of each 200 ms batch.
 * </ol>
 */
final class EditorBench {
  private final int samples;
  private final Path dir;
  private final PrintStream log;

  EditorBench(int samples, Path dir, PrintStream log) {
    this.samples = samples;
    this.dir = dir;
    this.log = log;
  }

  /** The editor: a replica and the text it shows, confined to one thread. */
  static final class Editor {
    final ExecutorService thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "bench-editor");
              t.setDaemon(true);
              return t;
            });
    final Soul soul;
    EditorReplica replica;
    StringBuilder shown;
    final Percentiles applyCost = new Percentiles();
    volatile AtomicReference<Runnable> onApplied = new AtomicReference<>();

    Editor(Soul soul, VersionedText opened) {
      this.soul = soul;
      this.replica = new EditorReplica(opened, 99);
      this.shown = new StringBuilder(opened.text());
    }

    final List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

    void onEvent(org.rhizome.graph.ChangeEvent e) {
      seen.add(e.changes().size() + "/" + e.texts().size() + (e.otherProcess() ? "F" : "L"));
      thread.execute(
          () -> {
            long t0 = System.nanoTime();
            List<Splice> in = replica.receive(e, soul, NoteFields.BODY);
            for (Splice s : in) {
              int from = shown.offsetByCodePoints(0, s.position());
              shown.replace(from, shown.offsetByCodePoints(from, s.deleteCount()), s.text());
            }
            if (!in.isEmpty()) {
              applyCost.add(System.nanoTime() - t0);
              Runnable r = onApplied.getAndSet(null);
              if (r != null) {
                r.run();
              }
            }
          });
    }
  }

  Map<String, Object> run() throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("samples", samples);
    out.put("load_average_before", Files.readString(Path.of("/proc/loadavg")).trim());
    out.put("cores", Runtime.getRuntime().availableProcessors());
    DeviceKey device = DeviceKey.generate(new SecureRandom());
    Random random = new Random(42);
    Path file = dir.resolve("editor.db");
    long wall0 = System.nanoTime();
    long cpu0 = processCpuNanos();
    try (Workspace app = Workspace.open(file, device);
        Workspace cli = Workspace.open(file, device);
        Workspace peer =
            Workspace.open(
                dir.resolve("peer.db"),
                app.id(),
                DeviceKey.generate(new SecureRandom()),
                System::currentTimeMillis)) {
      // 1. the CLI's commit → shown in the open editor
      Soul note =
          app.createNote("Meeting", "An idea for goals.\nDecision: ship on Friday\n".repeat(20));
      Editor editor = new Editor(note, app.openBody(note));
      app.subscribe(editor::onEvent);
      Percentiles cliToEditor = new Percentiles();
      for (int i = 0; i < samples; i++) {
        VersionedText read = cli.openBody(note);
        // a line added somewhere, now and then one taken out: what a script or `note edit` does
        List<String> lines = new java.util.ArrayList<>(List.of(read.text().split("\n", -1)));
        int at = random.nextInt(lines.size() + 1);
        lines.add(at, "edit " + i + " from the CLI");
        if (lines.size() > 40) {
          int drop = random.nextInt(lines.size() - 1);
          lines.remove(
              drop >= at
                  ? drop + 1
                  : drop); // never the line just added: the edit must change something
        }
        CountDownLatch shown = new CountDownLatch(1);
        editor.onApplied.set(shown::countDown);
        long t0 = System.nanoTime();
        cli.editBody(note, read, String.join("\n", lines));
        if (!shown.await(5, TimeUnit.SECONDS)) {
          throw new IllegalStateException(
              "the editor did not get the CLI's edit "
                  + i
                  + " within 5 s; lost="
                  + editor.thread.submit(() -> editor.replica.needsResync()).get()
                  + " events="
                  + editor.seen);
        }
        cliToEditor.add(System.nanoTime() - t0);
        Thread.sleep(random.nextInt(20));
      }
      out.put("cli_commit_to_editor", cliToEditor.summaryMillis());
      log.println("cli → editor " + cliToEditor.summaryMillis());

      // 2. a peer's change offered to the engine → shown in the open editor
      sync(app, peer);
      Percentiles remoteToEditor = new Percentiles();
      for (int i = 0; i < samples; i++) {
        String text = peer.findNote(note).orElseThrow().body();
        peer.spliceBody(note, List.of(new Splice(random.nextInt(text.length() + 1), 0, "k")));
        List<byte[]> changes =
            peer.changesSince(app.versionVector(), 0, 100).stream().map(e -> e.bytes()).toList();
        CountDownLatch shown = new CountDownLatch(1);
        editor.onApplied.set(shown::countDown);
        long t0 = System.nanoTime();
        app.applyRemoteAsync(changes);
        if (!shown.await(5, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the editor did not get the peer's edit within 5 s");
        }
        remoteToEditor.add(System.nanoTime() - t0);
      }
      out.put("remote_change_to_editor", remoteToEditor.summaryMillis());
      log.println("remote → editor " + remoteToEditor.summaryMillis());

      // 3. typing into a 200 KB note while a peer's edits land
      StringBuilder big = new StringBuilder();
      while (big.length() < 200_000) {
        big.append("Paragraph ")
            .append(big.length())
            .append(": the quick brown fox jumps over the lazy dog. #tag [[Link]]\n");
      }
      Soul large = app.createNote("Large", big.toString());
      sync(app, peer);
      Editor typist = new Editor(large, app.openBody(large));
      app.subscribe(typist::onEvent);
      Percentiles keystroke = new Percentiles();
      Percentiles batchWrite = new Percentiles();
      int caret = 100_000;
      long nextFlush = System.nanoTime() + 200_000_000L;
      for (int i = 0; i < samples * 10; i++) {
        int at = caret++;
        keystroke.add(
            typist
                .thread
                .submit(
                    () -> {
                      long t0 = System.nanoTime();
                      int from =
                          typist.shown.offsetByCodePoints(0, Math.min(at, typist.shown.length()));
                      typist.shown.insert(from, 'a');
                      typist.replica.local(
                          new Splice(Math.min(at, typist.shown.length() - 1), 0, "a"), "");
                      return System.nanoTime() - t0;
                    })
                .get());
        if (i % 25 == 0) {
          String text = peer.findNote(large).orElseThrow().body();
          peer.spliceBody(large, List.of(new Splice(random.nextInt(text.length() + 1), 0, "P")));
          app.applyRemoteAsync(
              peer.changesSince(app.versionVector(), 0, 100).stream().map(e -> e.bytes()).toList());
        }
        if (System.nanoTime() >= nextFlush) {
          nextFlush = System.nanoTime() + 200_000_000L;
          var batch = typist.thread.submit(() -> typist.replica.send()).get();
          if (batch.isPresent()) {
            long t0 = System.nanoTime();
            var written =
                app.spliceBodyAsync(
                    large, batch.get().base(), batch.get().splices(), batch.get().origin());
            written.get(10, TimeUnit.SECONDS);
            batchWrite.add(System.nanoTime() - t0);
            typist.thread.submit(() -> typist.replica.sent(true, false)).get();
          }
        }
        Thread.sleep(2); // about 400 keys a second, a fast typist at full tilt
      }
      out.put("typing_200kb_editor_thread_per_key", keystroke.summaryMillis());
      out.put("typing_200kb_incoming_change_editor_thread", typist.applyCost.summaryMillis());
      out.put("typing_200kb_batch_write", batchWrite.summaryMillis());
      log.println(
          "typing: key "
              + keystroke.summaryMillis()
              + " incoming "
              + typist.applyCost.summaryMillis()
              + " batch "
              + batchWrite.summaryMillis());
      // everything confirmed: the editor shows what is stored
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (System.nanoTime() < deadline) {
        var last =
            typist
                .thread
                .submit(() -> typist.replica.send())
                .get(); // what was typed after the last flush
        if (last.isPresent()) {
          app.spliceBodyAsync(large, last.get().base(), last.get().splices(), last.get().origin())
              .get(10, TimeUnit.SECONDS);
        }
        boolean idle = typist.thread.submit(() -> !typist.replica.isBusy()).get();
        if (idle
            && typist
                .thread
                .submit(() -> typist.shown.toString())
                .get()
                .equals(app.findNote(large).orElseThrow().body())) {
          break;
        }
        Thread.sleep(20);
      }
      out.put(
          "typing_200kb_editor_lost_sync",
          typist.thread.submit(() -> typist.replica.needsResync()).get());
      out.put(
          "typing_200kb_editor_equals_stored",
          typist
              .thread
              .submit(() -> typist.shown.toString())
              .get()
              .equals(app.findNote(large).orElseThrow().body()));
      editor.thread.shutdown();
      typist.thread.shutdown();
    }
    out.put("wall_s", Math.round((System.nanoTime() - wall0) / 1e7) / 100.0);
    out.put("process_cpu_s", Math.round((processCpuNanos() - cpu0) / 1e7) / 100.0);
    out.put("load_average_after", Files.readString(Path.of("/proc/loadavg")).trim());
    return out;
  }

  private static void sync(Workspace a, Workspace b) throws Exception {
    b.applyRemote(
        a.changesSince(b.versionVector(), 0, 100_000).stream().map(e -> e.bytes()).toList());
    a.applyRemote(
        b.changesSince(a.versionVector(), 0, 100_000).stream().map(e -> e.bytes()).toList());
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }
}
