package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.app.Main;
import org.rhizome.app.data.DataDirectory;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.repair.CheckReport;
import org.rhizome.graph.repair.WorkspaceCheck;

/**
 * Issue 18: SIGKILL real processes at random moments and check that nothing acknowledged is lost.
 * Victims are JVMs on the built classes: a writer running {@code note add} over and over ({@link
 * CrashWriter}) or {@code rhizome import} of a vault, two at a time on one workspace. After every
 * kill: each acknowledged note is there, {@code PRAGMA integrity_check} is ok, the state equals a
 * replay of the log ({@code rhizome check}'s test) and the next process writes on. {@value
 * #DEFAULT_KILLS} kills by default; {@code -Drhizome.crash.kills=N} for more (and {@code
 * -Drhizome.crash.seed=S} to replay a run). Also: 4 {@code rhizome status} started at once on a
 * fresh data directory all succeed with one key.
 */
class CrashSafetyIT {
  static final int DEFAULT_KILLS = 50;

  @TempDir Path dir;

  @Test
  void sigkilledWritersAndImportsLoseNothingAcknowledged() throws Exception {
    int kills = Integer.getInteger("rhizome.crash.kills", DEFAULT_KILLS);
    long seed = Long.getLong("rhizome.crash.seed", new SecureRandom().nextLong());
    Random random = new Random(seed);
    Path data = dir.resolve("data");
    Path vault = makeVault(dir.resolve("vault"), 1500);
    Set<String> acknowledged = new HashSet<>();
    int killedWriters = 0;
    int killedImports = 0;
    long started = System.nanoTime();
    // Two victims at a time (two writers, or a writer beside an import), each killed on its own
    // clock.
    // Rounds until that many processes were killed while running (bounded: a victim may finish
    // first).
    for (int k = 0; killedWriters + killedImports < kills && k < 2 * kills; k += 2) {
      List<Process> victims = new ArrayList<>();
      List<List<String>> acks = new ArrayList<>();
      List<Thread> readers = new ArrayList<>();
      List<Boolean> imports = new ArrayList<>();
      for (int v = 0; v < 2; v++) {
        boolean importing = v == 1 && random.nextInt(3) == 0;
        List<String> lines = new CopyOnWriteArrayList<>();
        Process p =
            importing
                ? start(
                    List.of(
                        Main.class.getName(),
                        "--data",
                        data.toString(),
                        "import",
                        vault.toString()))
                : start(
                    List.of(
                        CrashWriter.class.getName(), data.toString(), "k" + k + "v" + v, "100000"));
        victims.add(p);
        acks.add(lines);
        imports.add(importing);
        readers.add(readAcks(p, lines));
      }
      for (int v = 0; v < 2; v++) {
        Process p = victims.get(v);
        if (!imports.get(v)) {
          // A writer is killed after it has acknowledged something (JVM start-up on a busy machine
          // takes seconds), at a random moment of its writing.
          long deadline = System.nanoTime() + 90_000_000_000L;
          while (acks.get(v).isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
          }
          Thread.sleep(random.nextInt(1500));
        } else {
          Thread.sleep(1500 + random.nextInt(4500));
        }
        boolean finished = !p.isAlive();
        p.destroyForcibly(); // SIGKILL
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        if (imports.get(v)) {
          killedImports += finished ? 0 : 1;
        } else {
          killedWriters += finished ? 0 : 1;
        }
      }
      for (int v = 0; v < 2; v++) {
        readers.get(v).join(10_000);
        for (String line : acks.get(v)) {
          assertThat(line).as("seed %d, kill %d: a writer failed", seed, k).startsWith("ACK ");
          acknowledged.add(line.substring(4));
        }
      }
      verify(data, acknowledged, seed, k, k % 10 >= 8);
    }
    // The next process writes on.
    CliRunner cli = new CliRunner(data);
    assertThat(cli.run("note", "add", "--title", "after all the kills").exitCode()).isZero();
    verify(data, acknowledged, seed, kills, true);
    System.out.printf(
        "crash safety: %d kills (%d writers, %d imports), %d acknowledged notes, 0 lost, seed %d, %.0f s%n",
        killedWriters + killedImports,
        killedWriters,
        killedImports,
        acknowledged.size(),
        seed,
        (System.nanoTime() - started) / 1e9);
    assertThat(killedWriters + killedImports)
        .as("processes killed while running")
        .isGreaterThanOrEqualTo(kills);
    assertThat(acknowledged.size())
        .as("notes acknowledged before the kills")
        .isGreaterThanOrEqualTo(killedWriters);
  }

  @Test
  void fourStatusAtOnceOnAFreshDirectoryAllSucceedWithOneKey() throws Exception {
    for (int round = 0; round < 2; round++) {
      Path data = dir.resolve("fresh" + round);
      List<Process> ps = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        ps.add(start(List.of(Main.class.getName(), "--data", data.toString(), "status", "--json")));
      }
      Set<String> actors = new HashSet<>();
      for (Process p : ps) {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("status said: %s", out).isZero();
        actors.add(
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(out).get("actor").asText());
      }
      String stored =
          org.rhizome.graph.identity.KeyFiles.load(new DataDirectory(data).deviceKeyFile())
              .actor()
              .hex();
      assertThat(actors).as("every process used the one stored key").hasSize(1);
      assertThat(actors.iterator().next()).isEqualToIgnoringCase(stored);
    }
  }

  private void verify(Path data, Set<String> acknowledged, long seed, int k, boolean replay)
      throws Exception {
    Path file = new DataDirectory(data).defaultWorkspaceFile();
    if (!Files.exists(file)) {
      assertThat(acknowledged)
          .as("seed %d, kill %d: acknowledged notes but no file", seed, k)
          .isEmpty();
      return;
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      rs.next();
      assertThat(rs.getString(1)).as("seed %d, kill %d: integrity", seed, k).isEqualTo("ok");
    }
    try (Workspace ws = new DataDirectory(data).openDefaultWorkspace()) {
      for (String title : acknowledged) {
        assertThat(ws.resolve(title))
            .as("seed %d, kill %d: acknowledged note %s", seed, k, title)
            .isPresent();
      }
    }
    if (replay) {
      CheckReport r = WorkspaceCheck.run(file, dir.resolve("scratch"));
      assertThat(r.problems()).as("seed %d, kill %d: rhizome check", seed, k).isEmpty();
      assertThat(r.stateMatchesLog()).isTrue();
    }
  }

  private static Process start(List<String> mainAndArgs) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-cp",
                System.getProperty("java.class.path")));
    cmd.addAll(mainAndArgs);
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static Thread readAcks(Process p, List<String> acks) {
    Thread t =
        new Thread(
            () -> {
              // Only whole lines count: a line cut by the kill (no newline) was never acknowledged.
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                StringBuilder line = new StringBuilder();
                int ch;
                while ((ch = r.read()) >= 0) {
                  if (ch != '\n') {
                    line.append((char) ch);
                    continue;
                  }
                  if (line.indexOf("ACK ") == 0 || line.indexOf("FAIL ") == 0) {
                    acks.add(line.toString());
                  }
                  line.setLength(0);
                }
              } catch (IOException e) {
                // the process died mid-line: a line without its newline was never acknowledged
              }
            },
            "crash-acks");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static Path makeVault(Path vault, int notes) throws IOException {
    Files.createDirectories(vault.resolve("sub"));
    for (int i = 0; i < notes; i++) {
      Files.writeString(
          vault.resolve((i % 3 == 0 ? "sub/" : "") + "Imported " + i + ".md"),
          "---\ntags: [imported]\n---\n# Imported "
              + i
              + "\nSee [[Imported "
              + (i + 1)
              + "]] and #topic"
              + (i % 7)
              + "\n"
              + "line of text\n".repeat(i % 40));
    }
    return vault;
  }
}
