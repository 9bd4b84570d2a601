package org.rhizome.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code rhizome serve} processes that find each other by mDNS alone: each runs in a network
 * namespace this test makes, the two joined by a veth pair and nothing else, so multicast never
 * reaches the machine's real interfaces. The invite carries no address. Skipped (with the reason)
 * where namespaces cannot be made.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MdnsServeIT {
  private static final long ID = ProcessHandle.current().pid() % 100000;
  private static final String NS_A = "rhz-sa-" + ID;
  private static final String NS_B = "rhz-sb-" + ID;
  private static final String IP_A = "10.214.0.1";
  private static final String IP_B = "10.214.0.2";
  private static boolean made;

  @TempDir Path dir;

  @BeforeAll
  static void makeNamespaces() throws Exception {
    String why = tryRun("ip", "netns", "add", NS_A);
    Assumptions.assumeTrue(
        why == null, "mDNS serve test skipped: cannot create a network namespace (" + why + ")");
    made = true;
    run("ip", "netns", "add", NS_B);
    String va = "rhzsa" + ID;
    String vb = "rhzsb" + ID;
    run("ip", "link", "add", va, "netns", NS_A, "type", "veth", "peer", "name", vb, "netns", NS_B);
    configure(NS_A, va, IP_A);
    configure(NS_B, vb, IP_B);
  }

  private static void configure(String ns, String dev, String ip) throws Exception {
    run("ip", "netns", "exec", ns, "ip", "addr", "add", ip + "/24", "dev", dev);
    run("ip", "netns", "exec", ns, "ip", "link", "set", dev, "up");
    run("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up");
    run("ip", "netns", "exec", ns, "ip", "route", "add", "224.0.0.0/4", "dev", dev);
  }

  @AfterAll
  static void removeNamespaces() throws Exception {
    if (made) {
      tryRun("ip", "netns", "del", NS_A);
      tryRun("ip", "netns", "del", NS_B);
    }
  }

  @Test
  void twoServesFindEachOtherByMdnsAloneAndSync() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    CliRunner cliA = new CliRunner(a);
    CliRunner cliB = new CliRunner(b);
    cliA.json("workspace", "create", "team", "--json");
    ServeIT.add(cliA, "Found by mDNS", "no address needed");
    String invite =
        cliA.json("invite", "--workspace", "team", "--no-addresses", "--json")
            .path("invite")
            .asText();
    assertThat(cliB.json("join", invite, "--wait", "0s", "--json").path("joined").asBoolean())
        .isFalse();
    try (ServeProcess serveA =
            ServeProcess.start(
                List.of("ip", "netns", "exec", NS_A),
                a,
                "team",
                "--listen",
                "/ip4/" + IP_A + "/tcp/0",
                "--mdns",
                "--mdns-interface",
                IP_A);
        ServeProcess serveB =
            ServeProcess.start(
                List.of("ip", "netns", "exec", NS_B),
                b,
                "team",
                "--listen",
                "/ip4/" + IP_B + "/tcp/0",
                "--mdns",
                "--mdns-interface",
                IP_B)) {
      ServeIT.await(Duration.ofSeconds(30), () -> ServeIT.hasNote(cliB, "Found by mDNS"));
      // B is a member now: what it writes reaches A live.
      ServeIT.await(
          Duration.ofSeconds(15),
          () ->
              !cliB.json("workspace", "list", "--json")
                  .path("workspaces")
                  .get(0)
                  .path("joinPending")
                  .asBoolean());
      ServeIT.add(cliB, "Back from B", "hi");
      ServeIT.await(Duration.ofSeconds(15), () -> ServeIT.hasNote(cliA, "Back from B"));
      // The status file is rewritten on each event and every second; under load a connection may
      // be in the middle of being replaced (both sides dial on discovery) when it is read once.
      String peerA = serveA.status().orElseThrow().peerId();
      ServeIT.await(Duration.ofSeconds(10), () -> connectedOnlyTo(serveB, peerA));
    }
  }

  private static boolean connectedOnlyTo(ServeProcess serve, String peer) {
    try {
      return serve
          .status()
          .map(s -> s.connectedPeers().stream().map(p -> p.peerId()).toList().equals(List.of(peer)))
          .orElse(false);
    } catch (IOException e) {
      return false; // being rewritten: read again
    }
  }

  private static void run(String... cmd) throws Exception {
    String err = tryRun(cmd);
    if (err != null) {
      throw new IOException(String.join(" ", cmd) + ": " + err);
    }
  }

  /** Runs a command; null on success, else its error text. */
  private static String tryRun(String... cmd) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "timed out";
      }
      return p.exitValue() == 0 ? null : (text.isEmpty() ? "exit " + p.exitValue() : text);
    } catch (IOException e) {
      return e.getMessage();
    }
  }
}
