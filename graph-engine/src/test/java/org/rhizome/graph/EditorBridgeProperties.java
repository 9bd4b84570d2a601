package org.rhizome.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.NoteFields;
import org.rhizome.graph.text.Splice;
import org.rhizome.graph.text.SpliceTransform;
import org.rhizome.graph.text.TextChange;

/**
 * The editor bridge without a UI (issue 13): a model editor ({@link EditorReplica} and a string for
 * its screen) types random splices at random places while the engine gets, in random interleavings,
 * a second Workspace's commits on the same file (the CLI, same device), a peer replica's edits
 * through sync, and whole-body saves made from a version read earlier (the mirror). At the end the
 * stored text, the editor's text and a model agree: every character anyone inserted and nobody
 * deleted is there once, and every one sits between the neighbours it was typed between.
 */
class EditorBridgeProperties {
  static Path dir;
  static Workspace app;
  static Workspace cli;
  static Workspace peer;
  static final java.util.concurrent.LinkedBlockingQueue<ChangeEvent> feed =
      new java.util.concurrent.LinkedBlockingQueue<>();
  static int notes;

  @BeforeContainer
  static void open() throws Exception {
    dir = Files.createTempDirectory("editor-bridge");
    DeviceKey device = DeviceKey.generate(new java.security.SecureRandom());
    app = Workspace.open(dir.resolve("app.db"), device);
    cli = Workspace.open(dir.resolve("app.db"), device);
    peer =
        Workspace.open(
            dir.resolve("peer.db"),
            app.id(),
            DeviceKey.generate(new java.security.SecureRandom()),
            System::currentTimeMillis);
    app.subscribe(feed::add);
  }

  @AfterContainer
  static void close() throws Exception {
    peer.close();
    cli.close();
    app.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /**
   * 150 runs of 40–119 steps (about 12,000 steps, 1,200 batches sent, each with remote edits, CLI
   * commits and stale saves landing around it) rather than 1000 runs of 10–39 (about 25,000 steps):
   * half of a run's cost was its setup and settling (a note created and synced to the peer, opened,
   * everything written and delivered at the end), which exercises nothing new after the first few
   * dozen; longer runs make more of what finds bugs — several batches in flight in one history
   * while remote edits, CLI commits and stale saves pile up, resyncs after several of them.
   */
  @Property(tries = 150, seed = "1313", shrinking = net.jqwik.api.ShrinkingMode.OFF)
  void storedTextEditorTextAndModelAgree(@ForAll long seed) throws Exception {
    new Run(seed, 40, 80).run();
  }

  /**
   * Fixed regression seeds (failing seeds found while building this go here), replayed with the
   * steps they failed with.
   */
  @Example
  void regressionSeeds() throws Exception {
    for (long seed : new long[] {1L, 42L, -7L}) {
      new Run(seed, 10, 30).run();
    }
  }

  /** One try: a fresh note, a fresh editor, random interleavings. */
  static final class Run {
    final Random r;
    final Soul soul;
    final StringBuilder screen = new StringBuilder();
    final EditorReplica editor;
    int next = 0x4E00;
    final Set<Integer> inserted = new HashSet<>();
    final Set<Integer> deleted = new HashSet<>();

    /**
     * For each inserted character, the characters left and right of it where it was typed (-1:
     * none).
     */
    final Map<Integer, int[]> neighbours = new HashMap<>();

    CompletableFuture<Optional<Change>> write;
    VersionedText cliRead;
    VersionedText mirrorRead;

    final int minSteps;
    final int moreSteps;

    Run(long seed, int minSteps, int moreSteps) throws Exception {
      this.minSteps = minSteps;
      this.moreSteps = moreSteps;
      r = new Random(seed);
      String initial = fresh(r.nextInt(6), "");
      soul = app.createNote("n" + (++notes) + "-" + Long.toHexString(seed), initial);
      syncPeer();
      VersionedText opened = app.openBody(soul);
      editor = new EditorReplica(opened, 1 + r.nextInt(Integer.MAX_VALUE));
      screen.append(opened.text());
    }

    final List<String> trace = new ArrayList<>();

    void run() throws Exception {
      try {
        play();
      } catch (AssertionError | Exception e) {
        try {
          trace.add("stored at the failure=" + dump(app.findNote(soul).orElseThrow().body()));
        } catch (Exception | AssertionError unreadable) {
          trace.add("stored at the failure: unreadable (" + unreadable + ")");
        }
        throw new AssertionError("trace: " + String.join("\n", trace), e);
      }
    }

    void play() throws Exception {
      int steps = minSteps + r.nextInt(moreSteps);
      for (int i = 0; i < steps; i++) {
        int k = r.nextInt(100);
        // the stored text is not read here (a query per step was a fifth of this test's time): each
        // step that changes it says so below, and a failure adds the stored text to the trace
        trace.add(k + " screen=" + dump(screen.toString()) + " v=" + editor.version());
        if (k < 35) {
          type();
        } else if (k < 45) {
          send();
        } else if (k < 55) {
          complete(false);
        } else if (k < 65) {
          deliver();
        } else if (k < 71) {
          cliEdit();
        } else if (k < 76) {
          mirrorEdit();
        } else if (k < 83) {
          peerEdit();
        } else if (k < 90) {
          syncPeer();
        } else if (k < 95) {
          app.checkForeignCommits();
        } else {
          resyncIfWanted();
        }
      }
      settle();
      trace.add(
          "end screen="
              + dump(screen.toString())
              + " stored="
              + dump(app.findNote(soul).orElseThrow().body()));
      String stored = app.findNote(soul).orElseThrow().body();
      assertThat(screen.toString()).as("editor text").isEqualTo(stored);
      assertThat(cli.findNote(soul).orElseThrow().body()).isEqualTo(stored);
      int[] cps = stored.codePoints().toArray();
      Map<Integer, Integer> at = new HashMap<>();
      for (int i = 0; i < cps.length; i++) {
        assertThat(at.put(cps[i], i)).as("each character once").isNull();
      }
      Set<Integer> expected = new HashSet<>(inserted);
      expected.removeAll(deleted);
      assertThat(at.keySet()).isEqualTo(expected);
      for (Map.Entry<Integer, int[]> e : neighbours.entrySet()) {
        Integer here = at.get(e.getKey());
        if (here == null) {
          continue;
        }
        Integer left = at.get(e.getValue()[0]);
        Integer right = at.get(e.getValue()[1]);
        assertThat(left == null || left < here).as("left neighbour of a typed character").isTrue();
        assertThat(right == null || right > here)
            .as("right neighbour of a typed character")
            .isTrue();
      }
    }

    static String dump(String s) {
      StringBuilder sb = new StringBuilder();
      s.codePoints().forEach(c -> sb.append(c - 0x4E00).append(','));
      return sb.toString();
    }

    /**
     * {@code n} new unique characters, each typed after the one before, between the given
     * neighbours.
     */
    String fresh(int n, String ignored) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) {
        inserted.add(next);
        sb.appendCodePoint(next++);
      }
      return sb.toString();
    }

    /** A random splice on {@code text}; records what it deletes and inserts, and its neighbours. */
    Splice randomSplice(String text) {
      int[] cps = text.codePoints().toArray();
      int pos = r.nextInt(cps.length + 1);
      int del =
          pos == cps.length || r.nextInt(4) > 0 ? 0 : 1 + r.nextInt(Math.min(3, cps.length - pos));
      int n = del > 0 && r.nextBoolean() ? 0 : 1 + r.nextInt(3);
      for (int i = pos; i < pos + del; i++) {
        deleted.add(cps[i]);
      }
      String ins = fresh(n, "");
      int left = pos > 0 ? cps[pos - 1] : -1;
      int right = pos + del < cps.length ? cps[pos + del] : -1;
      int[] insCps = ins.codePoints().toArray();
      for (int i = 0; i < insCps.length; i++) {
        neighbours.put(insCps[i], new int[] {i == 0 ? left : insCps[i - 1], right});
      }
      trace.add("  splice " + pos + " -" + del + " +" + dump(ins) + " on " + dump(text));
      return new Splice(pos, del, ins);
    }

    void type() {
      Splice s = randomSplice(screen.toString());
      String removed = SpliceTransform.apply(screen.toString(), List.of(s));
      String before = screen.toString();
      int from = before.offsetByCodePoints(0, s.position());
      int to = before.offsetByCodePoints(from, s.deleteCount());
      screen.setLength(0);
      screen.append(removed);
      editor.local(s, before.substring(from, to));
    }

    void send() {
      if (write != null) {
        return;
      }
      editor
          .send()
          .ifPresent(
              b -> {
                trace.add("  send " + b.splices() + " base " + b.base());
                write = app.spliceBodyAsync(soul, b.base(), b.splices(), b.origin());
              });
    }

    void complete(boolean wait) throws Exception {
      if (write == null || (!wait && !write.isDone())) {
        return;
      }
      boolean failed = false;
      boolean made = false;
      try {
        made = write.get().isPresent();
      } catch (ExecutionException e) {
        failed = true;
      }
      write = null;
      editor.sent(made, failed);
    }

    void deliver() {
      ChangeEvent e;
      while ((e = feed.poll()) != null) {
        take(e);
      }
    }

    void take(ChangeEvent e) {
      {
        for (TextChange t : e.texts()) {
          if (t.soul().equals(soul)) {
            trace.add(
                "  event "
                    + t.splices()
                    + " "
                    + t.before()
                    + " -> "
                    + t.after()
                    + " origin "
                    + t.origin());
          }
        }
        List<Splice> in = editor.receive(e, soul, NoteFields.BODY);
        trace.add("  applied " + in + " lost=" + editor.needsResync());
        String now = SpliceTransform.apply(screen.toString(), in);
        screen.setLength(0);
        screen.append(now);
      }
    }

    void resyncIfWanted() throws Exception {
      if (editor.needsResync() && !editor.isSending()) {
        deliver();
        VersionedText now0 = app.openBody(soul);
        trace.add("  resync to " + dump(now0.text()));
        List<Splice> in = editor.resync(now0);
        String now = SpliceTransform.apply(screen.toString(), in);
        screen.setLength(0);
        screen.append(now);
      }
    }

    /**
     * The CLI: reads now (in another process on the file), writes its whole-body edit maybe later.
     */
    void cliEdit() throws Exception {
      if (cliRead == null || r.nextBoolean()) {
        cliRead = cli.openBody(soul);
        if (r.nextBoolean()) {
          return; // writes later, from this read
        }
      }
      String body = SpliceTransform.apply(cliRead.text(), List.of(randomSplice(cliRead.text())));
      cli.editBody(soul, cliRead, body);
      cliRead = null;
    }

    /** The mirror: saves a whole body it read earlier in this process. */
    void mirrorEdit() throws Exception {
      if (mirrorRead == null) {
        mirrorRead = app.openBody(soul);
        return;
      }
      String body =
          SpliceTransform.apply(mirrorRead.text(), List.of(randomSplice(mirrorRead.text())));
      app.editBody(soul, mirrorRead, body);
      mirrorRead = null;
    }

    void peerEdit() throws Exception {
      String text = peer.findNote(soul).orElseThrow().body();
      peer.spliceBody(soul, List.of(randomSplice(text)));
    }

    void syncPeer() throws Exception {
      List<byte[]> toApp =
          peer.changesSince(app.versionVector(), 0, 10_000).stream().map(e -> e.bytes()).toList();
      if (!toApp.isEmpty()) {
        app.applyRemote(toApp);
      }
      List<byte[]> toPeer =
          app.changesSince(peer.versionVector(), 0, 10_000).stream().map(e -> e.bytes()).toList();
      if (!toPeer.isEmpty()) {
        peer.applyRemote(toPeer);
      }
    }

    /**
     * Everything written and delivered: the editor confirms its last batch and has nothing missing.
     */
    void settle() throws Exception {
      long deadline = System.nanoTime() + 10_000_000_000L;
      syncPeer();
      while (System.nanoTime() < deadline) {
        app.checkForeignCommits();
        complete(true);
        deliver();
        resyncIfWanted();
        send();
        if (write == null
            && !editor.isBusy()
            && !editor.needsResync()
            && screen.toString().equals(app.findNote(soul).orElseThrow().body())) {
          return;
        }
        ChangeEvent e = feed.poll(20, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (e != null) {
          take(e);
        }
      }
    }
  }
}
