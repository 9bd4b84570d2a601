package org.rhizome.sync.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;

/**
 * A real js-libp2p 3.x node (src/test/js/peer.mjs) run with {@code node}, driven by JSON lines on
 * its stdin and observed through the JSON lines it prints.
 */
public final class JsPeer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final AtomicInteger COUNT = new AtomicInteger();

  private final Process process;
  private final OutputStream stdin;
  private final List<JsonNode> events = new ArrayList<>();
  private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final PeerId peerId;
  private final List<Multiaddr> addresses = new ArrayList<>();

  private JsPeer(ObjectNode options) throws IOException, InterruptedException {
    this(options, List.of());
  }

  private JsPeer(ObjectNode options, List<String> commandPrefix)
      throws IOException, InterruptedException {
    Path dir = jsDir();
    if (!Files.isDirectory(dir.resolve("node_modules"))) {
      throw new IllegalStateException("run `npm ci` in " + dir + " first (./rhizome-test does it)");
    }
    List<String> command = new ArrayList<>(commandPrefix);
    command.addAll(List.of("node", "peer.mjs", options.toString()));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Path logs = Path.of("target", "js-peers").toAbsolutePath();
    Files.createDirectories(logs);
    pb.redirectError(
        logs.resolve(
                "peer-" + ProcessHandle.current().pid() + "-" + COUNT.incrementAndGet() + ".log")
            .toFile());
    process = pb.start();
    stdin = process.getOutputStream();
    Thread reader = new Thread(this::readLoop, "js-peer-reader");
    reader.setDaemon(true);
    reader.start();
    JsonNode ready = awaitEvent(e -> e.path("event").asText().equals("ready"), START_TIMEOUT);
    peerId = PeerId.parse(ready.get("peer").asText());
    for (JsonNode a : ready.get("addrs")) {
      addresses.add(Multiaddr.parse(a.asText()));
    }
  }

  public static Path jsDir() {
    return Path.of(System.getProperty("rhizome.js.dir", "src/test/js")).toAbsolutePath();
  }

  public static ObjectNode options() {
    return JSON.createObjectNode();
  }

  public static JsPeer start(ObjectNode options) throws IOException, InterruptedException {
    return new JsPeer(options);
  }

  /** Runs the peer under {@code commandPrefix}, e.g. {@code ip netns exec NAME}. */
  public static JsPeer startWith(ObjectNode options, List<String> commandPrefix)
      throws IOException, InterruptedException {
    return new JsPeer(options, commandPrefix);
  }

  public static JsPeer start() throws IOException, InterruptedException {
    return new JsPeer(options());
  }

  public PeerId peerId() {
    return peerId;
  }

  /** Full listen addresses, with /p2p. */
  public List<Multiaddr> addresses() {
    return addresses;
  }

  public Multiaddr address() {
    return addresses.get(0);
  }

  private void readLoop() {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
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
        } else {
          synchronized (events) {
            events.add(n);
            events.notifyAll();
          }
        }
      }
    } catch (IOException e) {
      // process ended
    }
  }

  /** Waits for an event (past or future) matching {@code match}. */
  public JsonNode awaitEvent(Predicate<JsonNode> match, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (events) {
      while (true) {
        for (JsonNode e : events) {
          if (match.test(e)) {
            return e;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("js peer: no matching event in " + timeout + "; saw " + events);
        }
        events.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    }
  }

  public List<JsonNode> events(Predicate<JsonNode> match) {
    synchronized (events) {
      return events.stream().filter(match).toList();
    }
  }

  /** Sends a command and waits for its reply; fails the test if js reports an error. */
  public JsonNode command(String cmd, Map<String, Object> args, Duration timeout) throws Exception {
    JsonNode reply = tryCommand(cmd, args, timeout);
    if (!reply.path("ok").asBoolean()) {
      throw new AssertionError("js " + cmd + " failed: " + reply.path("error").asText());
    }
    return reply;
  }

  public JsonNode tryCommand(String cmd, Map<String, Object> args, Duration timeout)
      throws Exception {
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
    return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    try {
      stdin.close();
    } catch (IOException e) {
      // already gone
    }
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }
}
