package org.rhizome.sync.replication;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.text.Splice;
import org.slf4j.LoggerFactory;

/**
 * Issue 18: strangers without the secret hold 400 TCP connections open to a member and send
 * nothing. An honest device must still join, and live edits still cross, about as fast as without
 * the flood; and the member's log must not grow by a line per connection. Loopback only: the flood
 * comes from 127.0.0.2–127.0.0.41, the honest devices from 127.0.0.1; bounded to 120 s.
 */
@Timeout(300)
class FloodIT {
  private static final int EDITS = 150;

  @TempDir Path dir;

  /** Counts log lines at info or above from the sync module. */
  private static final class LineCounter extends AppenderBase<ILoggingEvent> {
    final AtomicLong lines = new AtomicLong();

    @Override
    protected void append(ILoggingEvent e) {
      if (e.getLevel().isGreaterOrEqual(Level.INFO)) {
        lines.incrementAndGet();
      }
    }
  }

  @Test
  void anHonestMemberJoinsAndEditsLiveWhileStrangersHold400ConnectionsOpen() throws Exception {
    Logger syncLog = (Logger) LoggerFactory.getLogger("org.rhizome.sync");
    LineCounter counter = new LineCounter();
    counter.start();
    syncLog.addAppender(counter);
    try (Peers peers = new Peers(dir)) {
      WorkspaceSync a = peers.found();
      Soul shared = peers.workspace(a).createNote("Shared", "");

      long joinQuiet = timeJoin(peers, a);
      List<Long> quiet = editLatencies(peers.workspace(a), peers.workspaces.get(1), shared);
      System.out.printf(
          "quiet: join %d ms; live edit latency median %d ms, p99 %d ms, max %d ms (%d edits)%n",
          joinQuiet, pct(quiet, 50), pct(quiet, 99), pct(quiet, 100), quiet.size());

      // 40 stranger addresses × 10 connections, then 400 from the member's own address (same NAT).
      underFlood(peers, a, shared, counter, "40 addresses x 10", 2, 40, 10);
      underFlood(peers, a, shared, counter, "1 address (the member's) x 400", 1, 1, 400);
      peers.awaitConverged(Duration.ofSeconds(30));
    } finally {
      syncLog.detachAppender(counter);
    }
  }

  private void underFlood(
      Peers peers,
      WorkspaceSync a,
      Soul shared,
      LineCounter counter,
      String shape,
      int first,
      int addresses,
      int perAddress)
      throws Exception {
    var addr = a.host().listenAddresses().get(0).toSocketAddress();
    long linesBefore = counter.lines.get();
    long floodStarted = System.nanoTime();
    try (ConnectionFlood flood =
        new ConnectionFlood(
            new InetSocketAddress(addr.getAddress(), addr.getPort()),
            first,
            addresses,
            perAddress,
            120)) {
      Peers.await(Duration.ofSeconds(20), () -> flood.opened.get() >= 400);
      Thread.sleep(2_000); // the flood is in place: every pending slot taken
      long join = timeJoin(peers, a);
      List<Long> flooded =
          editLatencies(peers.workspace(a), peers.workspaces.get(peers.syncs.size() - 1), shared);
      long floodSeconds = Math.max(1, (System.nanoTime() - floodStarted) / 1_000_000_000L);
      long lines = counter.lines.get() - linesBefore;
      System.out.printf(
          "flood from %s: %d connections opened in %d s (%d closed by the member), %d pending at the end%n",
          shape,
          flood.opened.get(),
          floodSeconds,
          flood.closedByPeer.get(),
          a.host().pendingInbound());
      System.out.printf(
          "flood from %s: join %d ms; live edit latency median %d ms, p99 %d ms, max %d ms (%d edits)%n",
          shape, join, pct(flooded, 50), pct(flooded, 99), pct(flooded, 100), flooded.size());
      System.out.printf(
          "flood from %s: %d log lines at info+ from sync in %d s%n", shape, lines, floodSeconds);
      assertThat(join).isLessThan(30_000);
      assertThat(pct(flooded, 99)).isLessThan(5_000);
      // One line per cause per 10 s (and the joins' and pulls' own lines), not one per connection.
      assertThat(lines).isLessThan(200);
      assertThat(a.host().pendingInbound()).isLessThanOrEqualTo(64);
    }
  }

  private static long timeJoin(Peers peers, WorkspaceSync inviter) throws Exception {
    long t = System.nanoTime();
    peers.join(inviter);
    return (System.nanoTime() - t) / 1_000_000;
  }

  /** A types into the shared note every 20 ms; how long until each edit is on {@code b}. */
  private static List<Long> editLatencies(Workspace a, Workspace b, Soul shared) throws Exception {
    Map<Long, Long> arrived = new ConcurrentHashMap<>();
    var actor = a.actor();
    try (AutoCloseable sub =
        b.subscribe(
            event -> {
              if (!event.local()) {
                long now = System.nanoTime();
                for (Change c : event.changes()) {
                  if (c.actor().equals(actor)) {
                    arrived.putIfAbsent(c.seq(), now);
                  }
                }
              }
            })) {
      Map<Long, Long> sent = new ConcurrentHashMap<>();
      for (int i = 0; i < EDITS; i++) {
        long t = System.nanoTime();
        Change c =
            a.spliceBody(shared, List.of(new Splice(0, 0, "edit " + i + "\n"))).orElseThrow();
        sent.put(c.seq(), t);
        Thread.sleep(20);
      }
      Peers.await(Duration.ofSeconds(60), () -> arrived.keySet().containsAll(sent.keySet()));
      List<Long> out = new ArrayList<>();
      for (Map.Entry<Long, Long> e : sent.entrySet()) {
        out.add((arrived.get(e.getKey()) - e.getValue()) / 1_000_000);
      }
      Collections.sort(out);
      return out;
    }
  }

  private static long pct(List<Long> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
