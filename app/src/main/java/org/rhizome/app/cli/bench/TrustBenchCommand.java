package org.rhizome.app.cli.bench;

import static org.rhizome.app.cli.bench.TimedApply.median;
import static org.rhizome.app.cli.bench.TimedApply.timed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.WorkFiles;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.ChangeDraft;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.clock.Hlc;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.Grant;
import org.rhizome.graph.membership.InviteKey;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.membership.Role;
import org.rhizome.graph.membership.SystemSouls;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.ChangeHash;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.note.NoteFields;
import org.rhizome.graph.text.InsertOp;
import org.rhizome.graph.text.TextId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rhizome bench trust}: the cost of the role checks (decision 0007). The same changes —
 * notes, some of them protected — signed by many members, applied to a members-only replica that
 * knows them all (every change's author's role is looked up), and, as the baseline, the same ops
 * signed by as many devices applied to an open replica (no checks), in the same process.
 */
@Command(
    name = "trust",
    mixinStandardHelpOptions = true,
    description = {
      "Apply C changes by M members to a members-only replica (role checks) and the same ops to an",
      "open one (no checks), R runs each, alternating; print as JSON the medians of changes/s, wall",
      "and process CPU, the overhead of the checks, and the load average.",
      "First, the private-note figures: apply rate of sealed changes on a reader and a non-reader",
      "against plain ones, and the time to open a private note against a plain one.",
      "With --rotation-runs N: removal → epoch key rotation → 5 peers converged, on loopback;",
      "with --epoch-notes N: write and apply CPU of notes sealed under the epoch key vs plain."
    })
public final class TrustBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--members",
      defaultValue = "1000",
      description = "Members (default: ${DEFAULT-VALUE}).")
  int members;

  @Option(
      names = "--changes",
      defaultValue = "20000",
      description = "Changes applied per run (default: ${DEFAULT-VALUE}).")
  int changes;

  @Option(names = "--runs", defaultValue = "5", description = "Runs (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--protected-every",
      defaultValue = "2",
      description = "Every Nth note is protected (default: ${DEFAULT-VALUE}).")
  int protectedEvery;

  @Option(
      names = "--delegated-every",
      defaultValue = "10",
      description =
          "Every Nth change edits one of the founder's protected notes, by a member it lets edit"
              + " it (decision 0011); 0: none (default: ${DEFAULT-VALUE}).")
  int delegatedEvery;

  /** The founder's protected notes the delegated edits go to; note j lets members i ≡ j. */
  private static final int DELEGATED_NOTES = 100;

  private final List<Soul> delegatedNotes = new ArrayList<>();

  @Option(
      names = "--private-notes",
      defaultValue = "1000",
      description =
          "Plain and private notes for the private-note figures (decision 0008); 0 skips them"
              + " (default: ${DEFAULT-VALUE}).")
  int privateNotes;

  @Option(
      names = "--private-edits",
      defaultValue = "3",
      description = "Edits of each of those notes (default: ${DEFAULT-VALUE}).")
  int privateEdits;

  @Option(
      names = "--roles",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Measure the role checks (--no-roles: only the private-note figures).")
  boolean roles;

  @Option(
      names = "--rotation-runs",
      defaultValue = "0",
      description =
          "Also time removal → epoch key rotation → 5 peers converged on loopback (decision 0009),"
              + " this many runs after a warm-up; 0 skips it (default: ${DEFAULT-VALUE}).")
  int rotationRuns;

  @Option(
      names = "--epoch-notes",
      defaultValue = "0",
      description =
          "Also measure sealing every change under the epoch key (decision 0009): this many notes"
              + " written and applied before and after a removal; 0 skips it"
              + " (default: ${DEFAULT-VALUE}).")
  int epochNotes;

  private static final int BATCH = 500;
  private final SecureRandom random = new SecureRandom();
  private long hlc = Hlc.pack(System.currentTimeMillis(), 0);

  @Override
  public Integer call() throws Exception {
    if (members < 1 || changes < members || runs < 1 || protectedEvery < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "need --members ≥ 1, --changes ≥ --members, --runs ≥ 1");
    }
    Path work = Files.createTempDirectory("rhizome-bench-trust");
    try {
      Map<String, Object> result = new LinkedHashMap<>();
      if (privateNotes > 0) { // decision 0008
        result.put(
            "privateNotes", new PrivateNotesBench(privateNotes, privateEdits, runs).run(work));
      }
      if (epochNotes > 0) { // decision 0009
        result.put("epochSealing", new EpochApplyBench(epochNotes, runs).run(work));
      }
      if (rotationRuns > 0) { // decision 0009
        result.put("rotation", new RotationBench(rotationRuns).run(work));
      }
      if (!roles) {
        result.put("loadAverage", Files.readString(Path.of("/proc/loadavg")).strip());
        BenchJson.print(spec, result);
        return 0;
      }
      System.err.println("founding a workspace with " + members + " members…");
      Path setup = work.resolve("team.db");
      List<byte[]> team;
      List<byte[]> teamWork;
      List<byte[]> openWork;
      org.rhizome.graph.model.WorkspaceId id;
      try (Workspace alice =
          Workspace.create(setup, DeviceKey.generate(random), "Bench team", "Alice")) {
        id = alice.id();
        team = foundTeam(alice);
        if (delegatedEvery > 0) {
          team = letMembersEdit(alice);
        }
        teamWork = work(id, memberKeys, alice.versionVector());
      }
      // The baseline's devices each made one change first, so that both workloads carry version
      // vectors of the same size (checking dependencies costs the same on both sides).
      List<DeviceKey> openKeys = freshKeys(memberKeys.size());
      List<byte[]> openSeed = seed(id, openKeys);
      openWork = work(id, openKeys, seenAfterSeed);
      List<Double> teamRate = new ArrayList<>();
      List<Double> openRate = new ArrayList<>();
      List<Double> teamWall = new ArrayList<>();
      List<Double> openWall = new ArrayList<>();
      List<Double> teamCpu = new ArrayList<>();
      List<Double> openCpu = new ArrayList<>();
      for (int r = 0; r < runs + 1; r++) {
        System.err.println("run " + r + "…");
        double[] t =
            timed(
                work.resolve("t" + r + ".db"),
                f ->
                    Workspace.open(
                        f,
                        id,
                        MembershipMode.MEMBERS,
                        DeviceKey.generate(random),
                        System::currentTimeMillis),
                team,
                teamWork);
        double[] o =
            timed(
                work.resolve("o" + r + ".db"),
                f ->
                    Workspace.open(
                        f,
                        id,
                        MembershipMode.OPEN,
                        DeviceKey.generate(random),
                        System::currentTimeMillis),
                openSeed,
                openWork);
        if (r == 0) {
          continue; // the first run warms the JIT
        }
        teamWall.add(t[0]);
        teamCpu.add(t[1]);
        teamRate.add(changes / (t[0] / 1000));
        openWall.add(o[0]);
        openCpu.add(o[1]);
        openRate.add(changes / (o[0] / 1000));
      }
      result.put("members", this.members);
      result.put("changes", changes);
      result.put("protectedEvery", protectedEvery);
      result.put("runs", runs);
      result.put("membersOnly", figures(teamRate, teamWall, teamCpu));
      result.put("open", figures(openRate, openWall, openCpu));
      result.put(
          "checkOverheadPercentWall",
          Math.round((median(teamWall) / median(openWall) - 1) * 1000) / 10.0);
      result.put(
          "checkOverheadPercentCpu",
          Math.round((median(teamCpu) / median(openCpu) - 1) * 1000) / 10.0);
      result.put("loadAverage", Files.readString(Path.of("/proc/loadavg")).strip());
      BenchJson.print(spec, result);
      return 0;
    } finally {
      WorkFiles.deleteTree(work);
    }
  }

  private final List<DeviceKey> memberKeys = new ArrayList<>();

  /** Registers an invite per member (admin's changes) and signs each member's join. */
  private List<byte[]> foundTeam(Workspace alice) throws Exception {
    List<InviteKey> invites = new ArrayList<>();
    for (int from = 0; from < members; from += 50) {
      List<Op> ops = new ArrayList<>();
      for (int i = from; i < Math.min(members, from + 50); i++) {
        InviteKey invite = InviteKey.generate(random, Grant.MEMBER);
        invites.add(invite);
        ops.addAll(
            invite.registrationOps(
                System.currentTimeMillis() + Duration.ofDays(1).toMillis(), Role.WRITER));
      }
      alice.commitAsync(ops).get();
    }
    VersionVector seen = alice.versionVector();
    List<byte[]> joins = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      DeviceKey key = DeviceKey.generate(random);
      memberKeys.add(key);
      Change join =
          Change.sign(
              new ChangeDraft(
                  alice.id(),
                  key.actor(),
                  1,
                  Change.NO_PREVIOUS,
                  nextHlc(),
                  seen,
                  invites.get(i).joinOps(alice.id(), key.actor(), key.actor(), "Member " + i)),
              key);
      joins.add(join.encoded());
      firstHashes.put(key.actor(), join.hash());
    }
    for (int from = 0; from < joins.size(); from += BATCH) {
      for (ApplyResult r :
          alice.applyRemote(joins.subList(from, Math.min(joins.size(), from + BATCH)))) {
        if (r.isRefused()) {
          throw new IllegalStateException("a join was refused: " + r.detail());
        }
      }
    }
    List<byte[]> all = new ArrayList<>();
    for (var c : alice.changesSince(VersionVector.EMPTY, 0, Integer.MAX_VALUE)) {
      all.add(c.bytes());
    }
    return all;
  }

  /**
   * The founder's protected notes, each letting the members whose index is its own modulo {@link
   * #DELEGATED_NOTES} edit it; returns every change of the set-up.
   */
  private List<byte[]> letMembersEdit(Workspace alice) throws Exception {
    long until = System.currentTimeMillis() + Duration.ofDays(1).toMillis();
    for (int j = 0; j < DELEGATED_NOTES; j++) {
      Soul note = alice.createProtectedNoteAsync("", "Delegated " + j, "kept by Alice").get();
      delegatedNotes.add(note);
      List<ActorId> persons = new ArrayList<>();
      for (int i = j; i < memberKeys.size(); i += DELEGATED_NOTES) {
        persons.add(memberKeys.get(i).actor());
      }
      if (!persons.isEmpty()) {
        alice.membership().letEditAsync(note, persons, until).get();
      }
    }
    List<byte[]> all = new ArrayList<>();
    for (var c : alice.changesSince(VersionVector.EMPTY, 0, Integer.MAX_VALUE)) {
      all.add(c.bytes());
    }
    return all;
  }

  /** The hash of each device's first change, which its workload chain follows. */
  private final Map<ActorId, ChangeHash> firstHashes = new HashMap<>();

  private VersionVector seenAfterSeed = VersionVector.EMPTY;

  /** One first change per baseline device (a small note). */
  private List<byte[]> seed(org.rhizome.graph.model.WorkspaceId id, List<DeviceKey> keys) {
    List<byte[]> out = new ArrayList<>();
    Map<ActorId, Long> seen = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      DeviceKey key = keys.get(i);
      Change c =
          Change.sign(
              new ChangeDraft(
                  id,
                  key.actor(),
                  1,
                  Change.NO_PREVIOUS,
                  nextHlc(),
                  VersionVector.EMPTY,
                  seedOps(key.actor(), i)),
              key);
      firstHashes.put(key.actor(), c.hash());
      seen.put(key.actor(), 1L);
      out.add(c.encoded());
    }
    seenAfterSeed = VersionVector.of(seen);
    return out;
  }

  /**
   * A baseline device's first change: a small node, and for the first {@link #DELEGATED_NOTES}
   * devices a note like the founder's delegated ones, which the baseline's delegated edits then
   * change (so both sides reindex an existing note).
   */
  private List<Op> seedOps(ActorId actor, int i) {
    List<Op> ops = new ArrayList<>();
    ops.add(new Op.SetField(new Soul("seed" + i), NoteFields.TITLE, Value.of("Device " + i)));
    if (delegatedEvery > 0 && i < DELEGATED_NOTES) {
      Soul note = new Soul("delegated" + i);
      ops.add(new Op.SetField(note, NoteFields.TYPE, Value.of(NoteFields.NOTE_TYPE)));
      ops.add(new Op.SetField(note, NoteFields.TITLE, Value.of("Delegated " + i)));
      ops.add(
          new Op.TextEdit(
              note,
              NoteFields.BODY,
              List.of(new InsertOp(new TextId(actor, 0), null, null, "kept by Alice"))));
    }
    return ops;
  }

  private List<DeviceKey> freshKeys(int n) {
    List<DeviceKey> keys = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      keys.add(DeviceKey.generate(random));
    }
    return keys;
  }

  /**
   * {@link #changes} notes, round-robin over {@code keys}; each chain follows its device's first
   * change (a join, or the baseline's seed).
   */
  private List<byte[]> work(
      org.rhizome.graph.model.WorkspaceId id, List<DeviceKey> keys, VersionVector deps) {
    Map<ActorId, Long> seqs = new HashMap<>();
    Map<ActorId, ChangeHash> prevs = new HashMap<>();
    List<byte[]> out = new ArrayList<>(changes);
    for (int i = 0; i < changes; i++) {
      DeviceKey key = keys.get(i % keys.size());
      ActorId actor = key.actor();
      long seq = seqs.getOrDefault(actor, 1L) + 1;
      ChangeHash prev = prevs.getOrDefault(actor, firstHashes.get(actor));
      String suffix = "n" + i;
      Soul soul =
          i % protectedEvery == 0 ? SystemSouls.owned(actor, suffix) : new Soul("bench" + suffix);
      int member = i % keys.size();
      List<Op> ops;
      if (delegatedEvery > 0 && i % delegatedEvery == delegatedEvery - 1) {
        // An edit of a founder's protected note by a member it lets edit it (decision 0011); the
        // baseline makes the same edit of a plain note.
        Soul target =
            keys == memberKeys && !delegatedNotes.isEmpty()
                ? delegatedNotes.get(member % DELEGATED_NOTES)
                : new Soul("delegated" + (member % DELEGATED_NOTES));
        ops = List.of(new Op.SetField(target, "status", Value.of("edited by " + member)));
      } else {
        ops =
            List.of(
                new Op.SetField(soul, NoteFields.TYPE, Value.of(NoteFields.NOTE_TYPE)),
                new Op.SetField(soul, NoteFields.TITLE, Value.of("Note " + i)),
                new Op.TextEdit(
                    soul,
                    NoteFields.BODY,
                    List.of(
                        new InsertOp(
                            new TextId(actor, 0),
                            null,
                            null,
                            "Some words about topic "
                                + (i % 97)
                                + ", see [[Note "
                                + (i / 2)
                                + "]]."))));
      }
      Change c =
          Change.sign(
              new ChangeDraft(id, actor, seq, prev, nextHlc(), deps.without(actor), ops), key);
      seqs.put(actor, seq);
      prevs.put(actor, c.hash());
      out.add(c.encoded());
    }
    return out;
  }

  private long nextHlc() {
    return ++hlc;
  }

  private static Map<String, Object> figures(
      List<Double> rate, List<Double> wall, List<Double> cpu) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("changesPerSecondMedian", Math.round(median(rate)));
    m.put("wallMsMedian", Math.round(median(wall)));
    m.put("cpuMsMedian", Math.round(median(cpu)));
    m.put("wallMsRuns", wall.stream().map(Math::round).toList());
    return m;
  }
}
