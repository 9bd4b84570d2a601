package org.rhizome.app.cli.p2p;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;

/**
 * The js-libp2p peer of the sync module's interop tests ({@code sync/src/test/js/peer.mjs}),
 * started in bench mode with {@code node} for {@code rhizome bench net}.
 */
final class JsBenchPeer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process process;
  private final OutputStream stdin;
  private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
  private final CompletableFuture<JsonNode> ready = new CompletableFuture<>();
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final PeerId peerId;
  private final Multiaddr address;

  JsBenchPeer(Path dir, String topic) throws Exception {
    ObjectNode options = JSON.createObjectNode();
    options.put("bench", true);
    options.put("monitor", false);
    options.set("topics", JSON.createArrayNode().add(topic));
    process =
        new ProcessBuilder("node", "peer.mjs", options.toString())
            .directory(dir.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    stdin = process.getOutputStream();
    Thread reader = new Thread(this::readLoop, "rhizome-bench-js");
    reader.setDaemon(true);
    reader.start();
    JsonNode r = ready.get(20, TimeUnit.SECONDS);
    peerId = PeerId.parse(r.get("peer").asText());
    address = Multiaddr.parse(r.get("addrs").get(0).asText());
  }

  PeerId peerId() {
    return peerId;
  }

  Multiaddr address() {
    return address;
  }

  private void readLoop() {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        JsonNode n;
        try {
          n = JSON.readTree(line);
        } catch (IOException e) {
          continue;
        }
        if (n.has("reply")) {
          CompletableFuture<JsonNode> f = replies.remove(n.get("reply").asInt());
          if (f != null) {
            f.complete(n);
          }
        } else if ("ready".equals(n.path("event").asText())) {
          ready.complete(n);
        }
      }
    } catch (IOException e) {
      ready.completeExceptionally(e);
    }
  }

  JsonNode command(String cmd, Map<String, Object> args, Duration timeout) throws Exception {
    int id = nextId.getAndIncrement();
    ObjectNode c = JSON.valueToTree(args);
    c.put("id", id);
    c.put("cmd", cmd);
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    replies.put(id, f);
    synchronized (stdin) {
      stdin.write((c + "\n").getBytes(StandardCharsets.UTF_8));
      stdin.flush();
    }
    JsonNode reply = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!reply.path("ok").asBoolean()) {
      throw new IllegalStateException("js " + cmd + " failed: " + reply.path("error").asText());
    }
    return reply;
  }

  /** Waits until js's mesh for {@code topic} contains {@code peer}. */
  void awaitMesh(String topic, PeerId peer, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode r = command("mesh", Map.of("topic", topic), timeout);
      for (JsonNode p : r.get("peers")) {
        if (p.asText().equals(peer.toBase58())) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("js never grafted " + peer);
  }

  List<String> meshPeers(String topic) throws Exception {
    JsonNode r = command("mesh", Map.of("topic", topic), Duration.ofSeconds(5));
    return java.util.stream.StreamSupport.stream(r.get("peers").spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }

  @Override
  public void close() throws InterruptedException {
    try {
      stdin.close();
    } catch (IOException e) {
      // gone already
    }
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
