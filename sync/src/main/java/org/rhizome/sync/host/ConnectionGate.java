package org.rhizome.sync.host;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Admission of inbound TCP connections, decided at accept before any handshake work, so that
 * connections which never finish a handshake (anyone can open them: the private-network key is only
 * checked once bytes flow) cannot keep members out.
 *
 * <ul>
 *   <li><b>Pending</b> (accepted, handshake not finished): at most {@code maxPendingPerAddress}
 *       from one IP address (a newcomer beyond that closes the oldest from its own address) and
 *       {@code maxPending} in all. When all pending slots are taken, a newcomer from an address
 *       with fewer pending connections than the busiest address evicts that address's oldest
 *       pending connection (of several equally busy addresses, the one holding the oldest);
 *       otherwise it is refused. So one flooding address — or many — can only displace each other,
 *       never a lone honest dialer, whose handshake takes milliseconds.
 *   <li><b>Open</b> (handshake done): at most {@code maxOpenPerAddress} from one address and {@code
 *       maxOpen} in all; a newcomer is refused at accept when the open table is full.
 * </ul>
 *
 * <p>A pending connection whose remote has shown it holds the private-network key (it negotiated
 * the security protocol through pnet) leaves the pending table at once: strangers without the key
 * never get that far, so they can only ever compete with a member for the first round trip.
 *
 * <p>Thread-safe; every call is O(addresses) at worst and never blocks (called on event loops).
 */
final class ConnectionGate {
  /** What accept decided. */
  enum Verdict {
    ADMITTED,
    TOO_MANY_PENDING,
    TOO_MANY_OPEN,
    TOO_MANY_OPEN_FROM_ADDRESS
  }

  /** The verdict, and a pending connection to close to make room (null when none). */
  record Admission(Verdict verdict, @Nullable Channel evicted) {}

  private final int maxPending;
  private final int maxPendingPerAddress;
  private final int maxOpen;
  private final int maxOpenPerAddress;
  private final Map<InetAddress, ArrayDeque<Channel>> pending = new HashMap<>();

  /** When each pending connection was admitted (a counter: only the order matters). */
  private final Map<Channel, Long> admittedAt = new HashMap<>();

  private long admissions;
  private final Map<InetAddress, Integer> open = new HashMap<>();
  private int pendingCount;
  private int openCount;

  ConnectionGate(int maxPending, int maxPendingPerAddress, int maxOpen, int maxOpenPerAddress) {
    if (maxPending < 1 || maxPendingPerAddress < 1 || maxOpen < 1 || maxOpenPerAddress < 1) {
      throw new IllegalArgumentException("connection limits must be positive");
    }
    this.maxPending = maxPending;
    this.maxPendingPerAddress = maxPendingPerAddress;
    this.maxOpen = maxOpen;
    this.maxOpenPerAddress = maxOpenPerAddress;
  }

  /** A connection was accepted from {@code address}: admit it as pending, or say why not. */
  synchronized Admission admit(InetAddress address, Channel channel) {
    if (openCount >= maxOpen) {
      return new Admission(Verdict.TOO_MANY_OPEN, null);
    }
    if (open.getOrDefault(address, 0) >= maxOpenPerAddress) {
      return new Admission(Verdict.TOO_MANY_OPEN_FROM_ADDRESS, null);
    }
    ArrayDeque<Channel> mine = pending.get(address);
    int own = mine == null ? 0 : mine.size();
    Channel evicted = null;
    if (own >= maxPendingPerAddress) {
      // The address's own oldest pending connection makes room: idle connections from one address
      // (a
      // flood behind the same NAT as a member) cannot keep that member's fresh handshake out.
      evicted = removePending(address, mine.peekFirst());
    } else if (pendingCount >= maxPending) {
      // Of the addresses with the most pending (more than the newcomer's), the one holding the
      // oldest.
      InetAddress busiest = null;
      int most = own;
      long oldest = Long.MAX_VALUE;
      for (Map.Entry<InetAddress, ArrayDeque<Channel>> e : pending.entrySet()) {
        int size = e.getValue().size();
        long age = admittedAt.getOrDefault(e.getValue().peekFirst(), Long.MAX_VALUE);
        if (size > most || (size == most && busiest != null && age < oldest)) {
          most = size;
          busiest = e.getKey();
          oldest = age;
        }
      }
      if (busiest == null) {
        return new Admission(Verdict.TOO_MANY_PENDING, null);
      }
      evicted = removePending(busiest, pending.get(busiest).peekFirst());
    }
    pending.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(channel);
    admittedAt.put(channel, admissions++);
    pendingCount++;
    return new Admission(Verdict.ADMITTED, evicted);
  }

  /**
   * The remote negotiated the security protocol through the private-network layer, so it holds the
   * key: the connection leaves the pending table (it can no longer be evicted or crowd anyone out)
   * and has only the handshake timeout left to finish.
   */
  synchronized void proven(InetAddress address, Channel channel) {
    if (removePending(address, channel) != null) {
      proving.add(channel);
    }
  }

  /**
   * The handshake finished: the connection moves from pending to open. False if it must be closed.
   */
  synchronized boolean promote(InetAddress address, Channel channel) {
    if (!proving.remove(channel) && removePending(address, channel) == null) {
      return false; // evicted or closed meanwhile
    }
    int mine = open.getOrDefault(address, 0);
    if (openCount >= maxOpen || mine >= maxOpenPerAddress) {
      return false;
    }
    open.put(address, mine + 1);
    openCount++;
    channelsOpen.put(channel, address);
    return true;
  }

  private final Map<Channel, InetAddress> channelsOpen = new HashMap<>();

  /** Past the key check, still in the Noise handshake. */
  private final java.util.Set<Channel> proving = new java.util.HashSet<>();

  /** The connection closed, pending or open. */
  synchronized void closed(InetAddress address, Channel channel) {
    if (removePending(address, channel) != null || proving.remove(channel)) {
      return;
    }
    if (channelsOpen.remove(channel) != null) {
      openCount--;
      open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }
  }

  synchronized int pendingCount() {
    return pendingCount;
  }

  synchronized int openCount() {
    return openCount;
  }

  private @Nullable Channel removePending(InetAddress address, @Nullable Channel channel) {
    ArrayDeque<Channel> q = pending.get(address);
    if (q == null || channel == null || !q.remove(channel)) {
      return null;
    }
    pendingCount--;
    admittedAt.remove(channel);
    if (q.isEmpty()) {
      pending.remove(address);
    }
    return channel;
  }
}
