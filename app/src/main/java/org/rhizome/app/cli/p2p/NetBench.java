package org.rhizome.app.cli.p2p;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.gossip.GossipMessage;
import org.rhizome.sync.gossip.MessageValidator;
import org.rhizome.sync.host.Host;
import org.rhizome.sync.host.HostConfig;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.peer.PrivateKey;

/**
 * The measurements behind {@code rhizome bench net}: connection set-up (TCP + multistream + Noise
 * XX + yamux), ping round trips, GossipSub throughput at 1 KiB and 64 KiB, and delivery latency at
 * a fixed rate, between two Java hosts on loopback and, when node and the js peer are available,
 * between Java and js-libp2p and between two js-libp2p peers (the baseline). Every message carries
 * its send time (wall clock, µs, float64) in its first 8 bytes, so latency is measured across
 * processes.
 */
final class NetBench {
  static final String TOPIC = "rhizome/bench/1";
  private static final Duration WAIT = Duration.ofSeconds(60);

  /**
   * Bytes published between checks on the receiver; two chunks stay under the router's per-peer
   * limit.
   */
  private static final int CHUNK_BYTES = 12 * 1024 * 1024;

  record Options(
      int dials,
      int pings,
      int smallMessages,
      int largeMessages,
      int rate,
      int latencySeconds,
      @Nullable Path jsDir) {}

  private final Options options;

  NetBench(Options options) {
    this.options = options;
  }

  /** Counts what one Java host receives. Called on its gossip thread. */
  private static final class Recorder {
    final int expected;
    final CountDownLatch done;
    final double[] latencyMicros;
    volatile int count;
    double lastMicros;

    Recorder(int expected) {
      this.expected = expected;
      this.done = new CountDownLatch(1);
      this.latencyMicros = new double[expected];
    }

    void accept(GossipMessage m) {
      double now = nowMicros();
      byte[] data = m.data();
      if (count < expected && data.length >= 8) {
        latencyMicros[count] = now - ByteBuffer.wrap(data, 0, 8).getDouble();
      }
      count++;
      lastMicros = now;
      if (count == expected) {
        done.countDown();
      }
    }

    void await() throws InterruptedException {
      if (!done.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("only " + count + " of " + expected + " messages arrived");
      }
    }
  }

  Map<String, Object> run() throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("java_java", javaJava());
    if (options.jsDir() != null) {
      out.put("java_js", javaJs(options.jsDir()));
      out.put("js_js", jsJs(options.jsDir()));
    }
    return out;
  }

  private static Host host() throws Exception {
    return Host.start(
        HostConfig.builder(PrivateKey.generate(new SecureRandom()))
            .listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))
            .build());
  }

  /**
   * The Noise XX handshake alone (both sides in memory, no sockets): three messages, X25519 and
   * ChaChaPoly, plus the libp2p payload's Ed25519 signature and verification on each side.
   */
  private Map<String, Object> noiseHandshakes(int n) {
    SecureRandom random = new SecureRandom();
    PrivateKey alice = PrivateKey.generate(random);
    PrivateKey bob = PrivateKey.generate(random);
    double[] ms = new double[n];
    for (int i = -20; i < n; i++) {
      byte[] ka = new byte[32];
      byte[] kb = new byte[32];
      random.nextBytes(ka);
      random.nextBytes(kb);
      boolean[] done = new boolean[2];
      long t0 = System.nanoTime();
      io.netty.channel.embedded.EmbeddedChannel a =
          new io.netty.channel.embedded.EmbeddedChannel(
              new org.rhizome.sync.noise.internal.NoiseHandshakeHandler(
                  true,
                  alice,
                  ka,
                  bob.peerId(),
                  java.util.List.of("/yamux/1.0.0"),
                  random,
                  (c, session) -> done[0] = true));
      io.netty.channel.embedded.EmbeddedChannel b =
          new io.netty.channel.embedded.EmbeddedChannel(
              new org.rhizome.sync.noise.internal.NoiseHandshakeHandler(
                  false,
                  bob,
                  kb,
                  null,
                  java.util.List.of("/yamux/1.0.0"),
                  random,
                  (c, session) -> done[1] = true));
      for (int round = 0; round < 4 && !(done[0] && done[1]); round++) {
        for (Object o; (o = a.readOutbound()) != null; ) {
          b.writeInbound(o);
        }
        for (Object o; (o = b.readOutbound()) != null; ) {
          a.writeInbound(o);
        }
      }
      long t1 = System.nanoTime();
      a.finishAndReleaseAll();
      b.finishAndReleaseAll();
      if (!(done[0] && done[1])) {
        throw new IllegalStateException("Noise handshake did not complete");
      }
      if (i >= 0) {
        ms[i] = (t1 - t0) / 1e6;
      }
    }
    return summary(ms);
  }

  private Map<String, Object> javaJava() throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("noise_handshake_in_memory", noiseHandshakes(200));
    try (Host a = host();
        Host b = host()) {
      AtomicReference<Recorder> recorder = new AtomicReference<>(new Recorder(0));
      b.pubsub().subscribe(TOPIC, MessageValidator.acceptAll(), m -> recorder.get().accept(m));
      a.pubsub().subscribe(TOPIC, MessageValidator.acceptAll(), m -> {});
      out.put("connect", connectTimes(a, b.listenAddresses().get(0), 0));
      PeerId peer = a.dial(b.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
      awaitTopicPeer(a, peer);
      out.put("ping", pings(a, peer));
      publishTo(a, recorder, 2000, 1024, 0);
      out.put(
          "throughput_1KiB",
          throughput(
              options.smallMessages(),
              1024,
              publishTo(a, recorder, options.smallMessages(), 1024, 0)));
      out.put(
          "throughput_64KiB",
          throughput(
              options.largeMessages(),
              65536,
              publishTo(a, recorder, options.largeMessages(), 65536, 0)));
      int n = options.rate() * options.latencySeconds();
      Recorder r = new Recorder(n);
      recorder.set(r);
      publish(a, n, 1024, options.rate());
      r.await();
      out.put("latency_1KiB_at_rate", latency(options.rate(), r.latencyMicros));
    }
    return out;
  }

  /**
   * Publishes {@code n} messages from {@code from} unpaced, in chunks that keep the backlog under
   * the router's 32 MiB per-peer limit (GossipSub drops what a slow peer cannot take), and waits
   * for the recorder; returns seconds taken.
   */
  private static double publishTo(
      Host from, AtomicReference<Recorder> recorder, int n, int size, int rate) throws Exception {
    Recorder r = new Recorder(n);
    recorder.set(r);
    double start = nowMicros();
    int chunk = Math.max(1, CHUNK_BYTES / size);
    for (int sent = 0; sent < n; ) {
      int batch = Math.min(chunk, n - sent);
      while (sent - r.count > chunk) {
        LockSupport.parkNanos(500_000);
      }
      publish(from, batch, size, rate);
      sent += batch;
    }
    r.await();
    return (r.lastMicros - start) / 1e6;
  }

  /** Publishes {@code n} stamped messages, paced to {@code rate} per second when it is positive. */
  private static void publish(Host from, int n, int size, int rate) throws Exception {
    long start = System.nanoTime();
    long interval = rate > 0 ? TimeUnit.SECONDS.toNanos(1) / rate : 0;
    java.util.concurrent.CompletableFuture<byte[]> last = null;
    for (int i = 0; i < n; i++) {
      if (interval > 0) {
        long due = start + i * interval;
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
          LockSupport.parkNanos(wait);
        }
      }
      ByteBuffer data = ByteBuffer.allocate(size);
      data.putDouble(nowMicros()).putInt(i);
      last = from.pubsub().publish(TOPIC, data.array());
    }
    if (last != null) {
      last.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  private Map<String, Object> javaJs(Path dir) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    try (Host j = host();
        JsBenchPeer js = new JsBenchPeer(dir, TOPIC)) {
      AtomicReference<Recorder> recorder = new AtomicReference<>(new Recorder(0));
      j.pubsub().subscribe(TOPIC, MessageValidator.acceptAll(), m -> recorder.get().accept(m));
      out.put("connect", connectTimes(j, js.address(), 250));
      PeerId peer = j.dial(js.address()).get(10, TimeUnit.SECONDS);
      awaitTopicPeer(j, peer);
      js.awaitMesh(TOPIC, j.peerId(), WAIT);
      out.put("ping", pings(j, peer));
      javaToJs(j, js, 2000, 1024, 0);
      out.put(
          "throughput_1KiB_java_to_js",
          javaToJs(j, js, options.smallMessages(), 1024, 0).get("throughput"));
      out.put(
          "throughput_64KiB_java_to_js",
          javaToJs(j, js, options.largeMessages(), 65536, 0).get("throughput"));
      out.put(
          "throughput_1KiB_js_to_java",
          jsToJava(js, recorder, options.smallMessages(), 1024, 0).get("throughput"));
      out.put(
          "throughput_64KiB_js_to_java",
          jsToJava(js, recorder, options.largeMessages(), 65536, 0).get("throughput"));
      int n = options.rate() * options.latencySeconds();
      out.put(
          "latency_1KiB_at_rate_java_to_js",
          javaToJs(j, js, n, 1024, options.rate()).get("latency"));
      out.put(
          "latency_1KiB_at_rate_js_to_java",
          jsToJava(js, recorder, n, 1024, options.rate()).get("latency"));
    }
    return out;
  }

  private static Map<String, Object> javaToJs(Host j, JsBenchPeer js, int n, int size, int rate)
      throws Exception {
    double start = nowMicros();
    // js→js publishes unpaced; so do we, in chunks that stay under the router's 32 MiB per-peer
    // backlog.
    int chunk = rate > 0 ? n : Math.max(1, CHUNK_BYTES / size);
    for (int sent = chunk; sent < n; sent += chunk) {
      publish(j, chunk, size, rate);
      js.command(
          "awaitCount",
          Map.of(
              "topic", TOPIC, "count", sent - chunk, "timeoutMs", WAIT.toMillis(), "reset", false),
          WAIT);
    }
    publish(j, n - (n - 1) / chunk * chunk, size, rate);
    JsonNode r =
        js.command(
            "awaitCount",
            Map.of("topic", TOPIC, "count", n, "timeoutMs", WAIT.toMillis()),
            WAIT.plusSeconds(5));
    if (r.get("count").asInt() < n) {
      throw new IllegalStateException("js received " + r.get("count").asInt() + " of " + n);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("throughput", throughput(n, size, (r.get("lastMicros").asDouble() - start) / 1e6));
    out.put("latency", latencyFromJs(rate, r));
    return out;
  }

  private static Map<String, Object> jsToJava(
      JsBenchPeer js, AtomicReference<Recorder> recorder, int n, int size, int rate)
      throws Exception {
    Recorder r = new Recorder(n);
    recorder.set(r);
    JsonNode sent =
        js.command(
            "publishSized",
            Map.of("topic", TOPIC, "count", n, "size", size, "stamp", true, "rate", rate),
            WAIT);
    r.await();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "throughput",
        throughput(n, size, (r.lastMicros - sent.get("startMicros").asDouble()) / 1e6));
    out.put("latency", latency(rate, r.latencyMicros));
    return out;
  }

  private Map<String, Object> jsJs(Path dir) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    try (JsBenchPeer sender = new JsBenchPeer(dir, TOPIC);
        JsBenchPeer receiver = new JsBenchPeer(dir, TOPIC)) {
      receiver.command("dial", Map.of("addr", sender.address().toString()), WAIT);
      receiver.awaitMesh(TOPIC, sender.peerId(), WAIT);
      sender.awaitMesh(TOPIC, receiver.peerId(), WAIT);
      jsToJs(sender, receiver, 2000, 1024, 0);
      out.put(
          "throughput_1KiB",
          jsToJs(sender, receiver, options.smallMessages(), 1024, 0).get("throughput"));
      out.put(
          "throughput_64KiB",
          jsToJs(sender, receiver, options.largeMessages(), 65536, 0).get("throughput"));
      int n = options.rate() * options.latencySeconds();
      out.put(
          "latency_1KiB_at_rate", jsToJs(sender, receiver, n, 1024, options.rate()).get("latency"));
    }
    return out;
  }

  private static Map<String, Object> jsToJs(
      JsBenchPeer sender, JsBenchPeer receiver, int n, int size, int rate) throws Exception {
    JsonNode sent =
        sender.command(
            "publishSized",
            Map.of("topic", TOPIC, "count", n, "size", size, "stamp", true, "rate", rate),
            WAIT);
    JsonNode r =
        receiver.command(
            "awaitCount",
            Map.of("topic", TOPIC, "count", n, "timeoutMs", WAIT.toMillis()),
            WAIT.plusSeconds(5));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "throughput",
        throughput(
            r.get("count").asInt(),
            size,
            (r.get("lastMicros").asDouble() - sent.get("startMicros").asDouble()) / 1e6));
    out.put("latency", latencyFromJs(rate, r));
    return out;
  }

  /**
   * Times {@code options.dials} fresh connections; {@code pauseMillis} between them keeps under
   * js-libp2p's inbound rate limit (5 connections per second per address).
   */
  private Map<String, Object> connectTimes(Host from, Multiaddr to, long pauseMillis)
      throws Exception {
    double[] ms = new double[options.dials()];
    PeerId peer = to.peerId().orElseThrow();
    for (int i = 0; i < ms.length + 3; i++) {
      if (i > 0) {
        Thread.sleep(pauseMillis);
      }
      long t0 = System.nanoTime();
      from.dial(to).get(10, TimeUnit.SECONDS);
      long t1 = System.nanoTime();
      if (i >= 3) {
        ms[i - 3] = (t1 - t0) / 1e6;
      }
      from.disconnect(peer);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (from.connectedPeers().contains(peer) && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
    }
    return summary(ms);
  }

  private Map<String, Object> pings(Host from, PeerId peer) throws Exception {
    for (int i = 0; i < 50; i++) {
      from.ping(peer).get(10, TimeUnit.SECONDS);
    }
    double[] ms = new double[options.pings()];
    for (int i = 0; i < ms.length; i++) {
      ms[i] = from.ping(peer).get(10, TimeUnit.SECONDS).toNanos() / 1e6;
    }
    return summary(ms);
  }

  private static void awaitTopicPeer(Host h, PeerId peer) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!h.pubsub().meshPeers(TOPIC).get().contains(peer)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(peer + " never joined the mesh");
      }
      Thread.sleep(20);
    }
  }

  private static Map<String, Object> throughput(int n, int size, double seconds) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("messages", n);
    out.put("size_bytes", size);
    out.put("seconds", round(seconds));
    out.put("messages_per_s", Math.round(n / seconds));
    out.put("mb_per_s", round(n * (double) size / seconds / 1e6));
    return out;
  }

  private static Map<String, Object> latency(int rate, double[] micros) {
    double[] ms = Arrays.stream(micros).map(x -> x / 1000).toArray();
    Map<String, Object> out = summary(ms);
    out.put("rate_per_s", rate);
    return out;
  }

  private static Map<String, Object> latencyFromJs(int rate, JsonNode r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", r.get("count").asInt());
    out.put(
        "p50_ms", r.get("p50Micros").isNull() ? null : round(r.get("p50Micros").asDouble() / 1000));
    out.put(
        "p99_ms", r.get("p99Micros").isNull() ? null : round(r.get("p99Micros").asDouble() / 1000));
    out.put("rate_per_s", rate);
    return out;
  }

  private static Map<String, Object> summary(double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", sorted.length);
    out.put("p50_ms", round(at(sorted, 0.50)));
    out.put("p99_ms", round(at(sorted, 0.99)));
    out.put("max_ms", round(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
    return out;
  }

  private static double at(double[] sorted, double q) {
    return sorted.length == 0
        ? 0
        : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  static double nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1e6 + now.getNano() / 1e3;
  }
}
