package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.app.cli.sync.ServeStatus;

/**
 * Real {@code rhizome serve} processes on loopback, each on its own data directory, set up the way
 * a person would: {@code workspace create}, {@code invite}, {@code join}. The CLI edits a data
 * directory while its serve runs; what it writes reaches the other peers.
 */
@Timeout(120)
class ServeIT {
  private static final String LOOPBACK = "/ip4/127.0.0.1/tcp/0";

  @TempDir Path dir;

  @Test
  void notesFromTheCliReachEveryPeerAndAPartitionHeals() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Path c = dir.resolve("c");
    CliRunner cliA = new CliRunner(a);
    CliRunner cliB = new CliRunner(b);
    CliRunner cliC = new CliRunner(c);
    cliA.json("workspace", "create", "team", "--member-name", "alice", "--json");
    try (ServeProcess serveA = ServeProcess.start(List.of(), a, "team", "--listen", LOOPBACK)) {
      String invite = cliA.json("invite", "--workspace", "team", "--json").path("invite").asText();
      JsonNode joinedB = cliB.json("join", invite, "--name", "bob", "--wait", "30s", "--json");
      assertThat(joinedB.path("joined").asBoolean()).isTrue();
      String invite2 = cliA.run("invite", "--workspace", "team").out().strip();
      assertThat(
              cliC.json("join", invite2, "--name", "carol", "--wait", "30s", "--json")
                  .path("joined")
                  .asBoolean())
          .isTrue();

      try (ServeProcess serveB = ServeProcess.start(List.of(), b, "team", "--listen", LOOPBACK);
          ServeProcess serveC = ServeProcess.start(List.of(), c, "team", "--listen", LOOPBACK)) {
        await(Duration.ofSeconds(20), () -> connected(serveA, 2));
        add(cliA, "From A", "written while A's serve runs");
        await(Duration.ofSeconds(15), () -> hasNote(cliB, "From A") && hasNote(cliC, "From A"));
        add(cliC, "From C", "hello [[From A]]");
        await(Duration.ofSeconds(15), () -> hasNote(cliA, "From C") && hasNote(cliB, "From C"));
        await(Duration.ofSeconds(15), () -> sameDigest(cliA, cliB, cliC));
        JsonNode status = cliA.json("status", "--workspace", "team", "--json");
        assertThat(status.path("sync").path("topic").asText())
            .isEqualTo(serveA.status().orElseThrow().topic());
        assertThat(status.path("sync").path("connectedPeers")).hasSize(2);

        // Partition: B's serve stops; both sides edit; B comes back and everyone converges.
        assertThat(serveB.stop()).isEqualTo(ServeProcess.STOPPED_BY_SIGTERM);
        assertThat(serveB.log()).contains("stopping");
        assertThat(Files.exists(b.resolve("run/team.json"))).isFalse();
        assertThat(cliB.json("status", "--workspace", "team", "--json").path("sync").isNull())
            .isTrue();
        add(cliA, "A while B was away", "a");
        add(cliB, "B while offline", "b");
        add(cliC, "C while B was away", "c");
        try (ServeProcess again = ServeProcess.start(List.of(), b, "team", "--listen", LOOPBACK)) {
          await(
              Duration.ofSeconds(20),
              () -> sameDigest(cliA, cliB, cliC) && hasNote(cliA, "B while offline"));
          for (CliRunner cli : List.of(cliA, cliB, cliC)) {
            assertThat(cli.json("note", "list", "--workspace", "team", "--json").path("notes"))
                .hasSize(5);
          }
          assertThat(again.stop()).isEqualTo(ServeProcess.STOPPED_BY_SIGTERM);
        }
      }
    }
  }

  @Test
  void aPeerOfAnotherWorkspaceNeverConnects() throws Exception {
    Path a = dir.resolve("a");
    Path d = dir.resolve("d");
    new CliRunner(a).json("workspace", "create", "team", "--json");
    new CliRunner(d).json("workspace", "create", "team", "--json");
    try (ServeProcess serveA = ServeProcess.start(List.of(), a, "team", "--listen", LOOPBACK)) {
      String addressA = serveA.status().orElseThrow().listenAddresses().get(0);
      try (ServeProcess serveD =
          ServeProcess.start(List.of(), d, "team", "--listen", LOOPBACK, "--peer", addressA)) {
        // D redials every 5 s; give it two tries and its handshake time. The private network
        // refuses it.
        long until = System.nanoTime() + Duration.ofSeconds(7).toNanos();
        while (System.nanoTime() < until) {
          assertThat(serveD.status().orElseThrow().connectedPeers()).isEmpty();
          assertThat(serveA.status().orElseThrow().connectedPeers()).isEmpty();
          Thread.sleep(250);
        }
        assertThat(serveD.log()).doesNotContain("connected 12D3");
      }
    }
  }

  @Test
  void aSecondServeOfOneWorkspaceRefusesAndInviteNeedsASharedWorkspace() throws Exception {
    Path a = dir.resolve("a");
    CliRunner cli = new CliRunner(a);
    cli.json("workspace", "create", "team", "--json");
    CliRunner.Result personal = cli.run("invite");
    assertThat(personal.exitCode()).as(personal.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(personal.err()).contains("workspace create");
    CliRunner.Result noAddress = cli.run("invite", "--workspace", "team");
    assertThat(noAddress.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(noAddress.err()).contains("--address");
    try (ServeProcess serve = ServeProcess.start(List.of(), a, "team", "--listen", LOOPBACK)) {
      CliRunner.Result second = cli.run("serve", "--workspace", "team", "--listen", LOOPBACK);
      assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.SYNC);
      assertThat(second.err()).contains("already being synced");
      ServeStatus status = serve.status().orElseThrow();
      JsonNode listed = cli.json("workspace", "list", "--json").path("workspaces");
      assertThat(listed).hasSize(2); // the personal workspace, made by the first invite, and team
      assertThat(listed.get(0).path("mode").asText()).isEqualTo("open");
      assertThat(listed.get(1).path("serving").asBoolean()).isTrue();
      assertThat(listed.get(1).path("mode").asText()).isEqualTo("members");
      assertThat(status.listenAddresses()).allMatch(addr -> addr.startsWith("/ip4/127.0.0.1/tcp/"));
      assertThat(serve.stop()).isEqualTo(ServeProcess.STOPPED_BY_SIGTERM);
      assertThat(Files.exists(a.resolve("run/team.json"))).isFalse();
    }
    CliRunner.Result bad = cli.run("join", "rhizome-invite:AAAA");
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.run("status", "--workspace", "nope").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
  }

  static void add(CliRunner cli, String title, String body) {
    CliRunner.Result r =
        cli.run("note", "add", "--workspace", "team", "--title", title, "--body", body);
    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  static boolean hasNote(CliRunner cli, String title) {
    for (JsonNode n : cli.json("note", "list", "--workspace", "team", "--json").path("notes")) {
      if (n.path("title").asText().equals(title)) {
        return true;
      }
    }
    return false;
  }

  static boolean sameDigest(CliRunner... clis) {
    String first = null;
    for (CliRunner cli : clis) {
      String d = cli.json("status", "--workspace", "team", "--json").path("digest").asText();
      if (first == null) {
        first = d;
      } else if (!first.equals(d)) {
        return false;
      }
    }
    return true;
  }

  static boolean connected(ServeProcess serve, int peers) {
    try {
      return serve.status().map(s -> s.connectedPeers().size() >= peers).orElse(false);
    } catch (Exception e) {
      return false;
    }
  }

  /** Polls {@code condition} every 200 ms until it holds or {@code timeout} passes. */
  static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(200);
    }
  }
}
