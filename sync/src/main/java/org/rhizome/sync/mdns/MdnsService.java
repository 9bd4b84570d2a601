package org.rhizome.sync.mdns;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.rhizome.sync.Libp2pException;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libp2p mDNS discovery (specs/discovery/mdns.md) on one explicitly chosen IPv4 interface: queries
 * for {@code _p2p._udp.local} PTR every interval, answers queries with a PTR to our random peer
 * name and one TXT {@code dnsaddr=<multiaddr>/p2p/<id>} per address, all in the answer section as
 * js-libp2p does, and reports peers found in responses (TXT records read from answers or
 * additionals). Multicast leaves only through the given interface. Thread-safe; callbacks run on
 * its own {@code rhizome-mdns} thread.
 */
public final class MdnsService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MdnsService.class);
  public static final String SERVICE = "_p2p._udp.local";
  static final InetSocketAddress GROUP = new InetSocketAddress("224.0.0.251", 5353);
  static final long TTL_SECONDS = 120;
  private static final String DNSADDR = "dnsaddr=";

  /** A peer seen on the network, with its addresses (without {@code /p2p}). */
  public record DiscoveredPeer(PeerId peer, List<Multiaddr> addresses) {
    public DiscoveredPeer {
      addresses = List.copyOf(addresses);
    }
  }

  private final PeerId self;
  private final Supplier<List<Multiaddr>> addresses;
  private final Consumer<DiscoveredPeer> onPeer;
  private final String peerName;
  private final EventLoopGroup group;
  private final DatagramChannel channel;
  private final NetworkInterface nic;

  private MdnsService(
      PeerId self,
      Supplier<List<Multiaddr>> addresses,
      Consumer<DiscoveredPeer> onPeer,
      InetAddress interfaceAddress,
      Duration interval)
      throws IOException {
    if (!(interfaceAddress instanceof Inet4Address) || interfaceAddress.isAnyLocalAddress()) {
      throw new IllegalArgumentException(
          "mDNS needs an explicit IPv4 interface address, not " + interfaceAddress);
    }
    this.self = self;
    this.addresses = addresses;
    this.onPeer = onPeer;
    this.peerName = randomName(new SecureRandom());
    NetworkInterface found = NetworkInterface.getByInetAddress(interfaceAddress);
    if (found == null) {
      throw new IOException("no interface has address " + interfaceAddress.getHostAddress());
    }
    this.nic = found;
    this.group =
        new MultiThreadIoEventLoopGroup(
            1,
            r -> {
              Thread t = new Thread(r, "rhizome-mdns");
              t.setDaemon(true);
              return t;
            },
            NioIoHandler.newFactory());
    try {
      Bootstrap b =
          new Bootstrap()
              .group(group)
              .channelFactory(() -> new NioDatagramChannel(SocketProtocolFamily.INET))
              .option(ChannelOption.SO_REUSEADDR, true)
              .option(ChannelOption.IP_MULTICAST_IF, nic)
              .option(ChannelOption.IP_MULTICAST_TTL, 255)
              .option(ChannelOption.IP_MULTICAST_LOOP_DISABLED, false)
              .option(
                  ChannelOption.RECVBUF_ALLOCATOR,
                  new FixedRecvByteBufAllocator(DnsCodec.MAX_MESSAGE))
              .handler(new Receiver());
      channel = (DatagramChannel) b.bind(new InetSocketAddress(GROUP.getPort())).sync().channel();
      channel.joinGroup(GROUP, nic).sync();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw new IOException("interrupted while starting mDNS", e);
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw new IOException(
          "cannot start mDNS on " + interfaceAddress.getHostAddress() + ": " + e.getMessage(), e);
    }
    long ms = interval.toMillis();
    channel.eventLoop().scheduleAtFixedRate(this::query, 0, ms, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts discovery on the interface that has {@code interfaceAddress}.
   *
   * @param addresses what to advertise (our listen addresses, with or without /p2p)
   * @param onPeer called for every response from another peer (repeatedly for the same peer)
   * @throws IOException if the socket cannot be opened or the group joined
   */
  public static MdnsService start(
      PeerId self,
      Supplier<List<Multiaddr>> addresses,
      Consumer<DiscoveredPeer> onPeer,
      InetAddress interfaceAddress,
      Duration interval)
      throws IOException {
    return new MdnsService(self, addresses, onPeer, interfaceAddress, interval);
  }

  String peerName() {
    return peerName;
  }

  private void query() {
    DnsMessage q =
        new DnsMessage(
            0,
            0,
            List.of(new DnsMessage.Question(SERVICE, DnsRecord.TYPE_PTR, DnsRecord.CLASS_IN)),
            List.of(),
            List.of(),
            List.of());
    send(q);
  }

  private void respond() {
    String instance = peerName + "." + SERVICE;
    List<DnsRecord> answers = new ArrayList<>();
    answers.add(DnsRecord.ptr(SERVICE, instance, TTL_SECONDS));
    for (Multiaddr a : addresses.get()) {
      byte[] txt = (DNSADDR + a.withPeerId(self)).getBytes(StandardCharsets.UTF_8);
      if (txt.length <= 255) {
        answers.add(DnsRecord.txt(instance, List.of(txt), TTL_SECONDS));
      }
    }
    send(
        new DnsMessage(
            0,
            DnsMessage.FLAG_RESPONSE | DnsMessage.FLAG_AUTHORITATIVE,
            List.of(),
            answers,
            List.of(),
            List.of()));
  }

  private void send(DnsMessage m) {
    ByteBuf out = channel.alloc().buffer();
    try {
      DnsCodec.encode(m, out);
    } catch (RuntimeException e) {
      out.release();
      throw e;
    }
    channel
        .writeAndFlush(new DatagramPacket(out, GROUP))
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                LOG.debug("mDNS send failed: {}", f.cause().toString());
              }
            });
  }

  private final class Receiver extends SimpleChannelInboundHandler<DatagramPacket> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
      DnsMessage m;
      try {
        m = DnsCodec.decode(packet.content());
      } catch (MalformedDnsException e) {
        LOG.debug("dropping mDNS packet from {}: {}", packet.sender(), e.getMessage());
        return;
      }
      if (!m.isResponse()) {
        if (!m.questions().isEmpty() && m.questions().get(0).name().equalsIgnoreCase(SERVICE)) {
          respond();
        }
        return;
      }
      onResponse(m);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.debug("mDNS error: {}", cause.toString());
    }
  }

  private void onResponse(DnsMessage m) {
    String instance = null;
    for (DnsRecord r : m.answers()) {
      if (r.type() == DnsRecord.TYPE_PTR && r.name().equalsIgnoreCase(SERVICE)) {
        instance = r.target();
      }
    }
    if (instance == null || instance.startsWith(peerName)) {
      return;
    }
    List<Multiaddr> found = new ArrayList<>();
    PeerId peer = null;
    List<DnsRecord> txts = new ArrayList<>(m.answers());
    txts.addAll(m.additionals());
    for (DnsRecord r : txts) {
      if (r.type() != DnsRecord.TYPE_TXT) {
        continue;
      }
      for (byte[] s : r.strings()) {
        String text = new String(s, StandardCharsets.UTF_8);
        if (!text.startsWith(DNSADDR)) {
          continue;
        }
        Multiaddr a;
        try {
          a = Multiaddr.parse(text.substring(DNSADDR.length()));
        } catch (Libp2pException e) {
          continue;
        }
        if (peer == null) {
          peer = a.peerId().orElse(null);
          if (peer == null) {
            return;
          }
        }
        found.add(a.withoutPeerId());
      }
    }
    if (peer == null || peer.equals(self) || found.isEmpty()) {
      return;
    }
    try {
      onPeer.accept(new DiscoveredPeer(peer, found));
    } catch (RuntimeException e) {
      LOG.warn("mDNS listener failed", e);
    }
  }

  private static String randomName(SecureRandom random) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 32; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  @Override
  public void close() {
    channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
  }
}
