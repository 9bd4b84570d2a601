package org.rhizome.sync.mdns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rhizome.sync.interop.JsPeer;

/**
 * mDNS discovery between our peer and js-libp2p's @libp2p/mdns, each in a network namespace this
 * test makes, joined by a veth pair and nothing else: multicast never reaches the machine's real
 * interfaces. Skipped (with the reason) where namespaces cannot be made.
 */
@Tag("interop")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MdnsIT {
  private static final long ID = ProcessHandle.current().pid() % 100000;
  private static final String NS_JAVA = "rhz-j-" + ID;
  private static final String NS_JS = "rhz-n-" + ID;
  private static final String IP_JAVA = "10.213.0.1";
  private static final String IP_JS = "10.213.0.2";
  private static boolean made;

  @BeforeAll
  static void makeNamespaces() throws Exception {
    String why = tryRun("ip", "netns", "add", NS_JAVA);
    Assumptions.assumeTrue(
        why == null, "mDNS test skipped: cannot create a network namespace (" + why + ")");
    made = true;
    run("ip", "netns", "add", NS_JS);
    String va = "rhzj" + ID;
    String vb = "rhzn" + ID;
    run(
        "ip", "link", "add", va, "netns", NS_JAVA, "type", "veth", "peer", "name", vb, "netns",
        NS_JS);
    configure(NS_JAVA, va, IP_JAVA);
    configure(NS_JS, vb, IP_JS);
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
      tryRun("ip", "netns", "del", NS_JAVA);
      tryRun("ip", "netns", "del", NS_JS);
    }
  }

  @Test
  void javaAndJsDiscoverEachOtherInsideNamespaces() throws Exception {
    try (JsPeer js =
        JsPeer.startWith(
            JsPeer.options()
                .put("mdns", true)
                .set("listen", JsPeer.options().arrayNode().add("/ip4/" + IP_JS + "/tcp/0")),
            List.of("ip", "netns", "exec", NS_JS))) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process p =
          new ProcessBuilder(
                  "ip",
                  "netns",
                  "exec",
                  NS_JAVA,
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  MdnsPeerMain.class.getName(),
                  IP_JAVA)
              .redirectErrorStream(false)
              .redirectError(Path.of("target", "mdns-java-peer.log").toFile())
              .start();
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String ready = out.readLine();
        assertThat(ready).startsWith("ready ");
        String javaId = ready.substring("ready ".length());
        List<String> lines = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !lines.contains("pinged " + js.peerId())) {
          String line = out.readLine();
          if (line == null) {
            break;
          }
          lines.add(line);
        }
        assertThat(lines).contains("discovered " + js.peerId(), "pinged " + js.peerId());
        js.awaitEvent(
            e ->
                e.path("event").asText().equals("discovery")
                    && e.path("peer").asText().equals(javaId),
            Duration.ofSeconds(15));
        js.awaitEvent(
            e ->
                e.path("event").asText().equals("connect")
                    && e.path("peer").asText().equals(javaId),
            Duration.ofSeconds(15));
      } finally {
        p.getOutputStream().close();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
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
