package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace that has had a removal seals what is written after it under epoch keys (decision
 * 0009). A person who joins later, with the admin's serve running and nobody writing, reads the
 * whole workspace when {@code join} returns: the serve wraps the keys for the new device as soon as
 * it sees the join, and the join waits for that wrap. Real processes on loopback.
 */
@Timeout(150)
class JoinAfterRemovalIT {
  private static final String LOOPBACK = "/ip4/127.0.0.1/tcp/0";

  @TempDir Path dir;

  @Test
  void aLaterJoinerReadsWhatWasWrittenAfterARemoval() throws Exception {
    Path a = dir.resolve("a");
    CliRunner cliA = new CliRunner(a);
    CliRunner cliX = new CliRunner(dir.resolve("x"));
    CliRunner cliD = new CliRunner(dir.resolve("d"));
    cliA.json("workspace", "create", "team", "--member-name", "alice", "--json");
    try (ServeProcess serveA = ServeProcess.start(List.of(), a, "team", "--listen", LOOPBACK)) {
      String inviteX = cliA.json("invite", "--workspace", "team", "--json").path("invite").asText();
      assertThat(
              cliX.json("join", inviteX, "--name", "xavier", "--wait", "30s", "--json")
                  .path("joined")
                  .asBoolean())
          .isTrue();
      ServeIT.await(
          Duration.ofSeconds(20),
          () -> cliA.run("member", "list", "--workspace", "team").out().contains("xavier"));
      ServeIT.add(cliA, "Before", "written before the removal");
      CliRunner.Result removed = cliA.run("member", "remove", "xavier", "--workspace", "team");
      assertThat(removed.exitCode()).as(removed.toString()).isZero();
      ServeIT.add(cliA, "After", "qqsealedafterremoval");

      String inviteD = cliA.json("invite", "--workspace", "team", "--json").path("invite").asText();
      JsonNode joined = cliD.json("join", inviteD, "--name", "dora", "--wait", "40s", "--json");
      assertThat(joined.path("joined").asBoolean()).isTrue();
      assertThat(joined.path("notes").asLong()).isEqualTo(2);
      CliRunner.Result after = cliD.run("note", "show", "After", "--workspace", "team");
      assertThat(after.exitCode()).as(after.toString()).isZero();
      assertThat(after.out()).contains("qqsealedafterremoval");
      assertThat(serveA.stop()).isEqualTo(ServeProcess.STOPPED_BY_SIGTERM);
    }
  }
}
