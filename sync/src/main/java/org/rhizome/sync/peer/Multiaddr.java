package org.rhizome.sync.peer;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A multiaddr (https://github.com/multiformats/multiaddr) with a text form ({@code
 * /ip4/127.0.0.1/tcp/4001/p2p/12D3…}) and a binary form (varint code, then the value). Immutable;
 * equality is on the binary form.
 */
public final class Multiaddr {
  /** Longest binary or text multiaddr accepted from anyone. */
  public static final int MAX_LENGTH = 1024;

  /** One {@code /protocol/value} part. */
  public record Component(MultiaddrProtocol protocol, byte[] value) {
    public Component {
      value = value.clone();
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Component c && c.protocol == protocol && Arrays.equals(c.value, value);
    }

    @Override
    public int hashCode() {
      return protocol.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "/" + protocol.label() + valueText();
    }

    String valueText() {
      return switch (protocol) {
        case IP4, IP6 -> "/" + addressText();
        case TCP, UDP -> "/" + (((value[0] & 0xFF) << 8) | (value[1] & 0xFF));
        case P2P -> "/" + PeerId.fromBytes(value).toBase58();
        case DNS, DNS4, DNS6, DNSADDR -> "/" + new String(value, StandardCharsets.UTF_8);
      };
    }

    private String addressText() {
      try {
        String s = InetAddress.getByAddress(value).getHostAddress();
        return protocol == MultiaddrProtocol.IP6 ? compressIpv6(s) : s;
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private final List<Component> components;
  private final byte[] bytes;

  private Multiaddr(List<Component> components) {
    this.components = List.copyOf(components);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Component c : components) {
      out.writeBytes(org.rhizome.sync.varint.Varint.encode(c.protocol().code()));
      if (c.protocol().size() == MultiaddrProtocol.VARIABLE) {
        out.writeBytes(org.rhizome.sync.varint.Varint.encode(c.value.length));
      }
      out.writeBytes(c.value);
    }
    this.bytes = out.toByteArray();
    if (bytes.length > MAX_LENGTH) {
      throw new InvalidMultiaddrException("multiaddr of " + bytes.length + " bytes");
    }
  }

  public static Multiaddr of(List<Component> components) {
    return new Multiaddr(components);
  }

  /**
   * @throws InvalidMultiaddrException if the text is not a multiaddr of known protocols
   */
  public static Multiaddr parse(String text) {
    if (text.length() > MAX_LENGTH || !text.startsWith("/")) {
      throw new InvalidMultiaddrException("not a multiaddr: " + abbreviate(text));
    }
    String[] parts = text.substring(1).split("/", -1);
    List<Component> out = new ArrayList<>();
    int i = 0;
    if (parts.length == 1 && parts[0].isEmpty()) {
      throw new InvalidMultiaddrException("empty multiaddr");
    }
    while (i < parts.length) {
      if (parts[i].isEmpty() && i == parts.length - 1) {
        break;
      }
      MultiaddrProtocol p = MultiaddrProtocol.byLabel(parts[i++]);
      if (i >= parts.length) {
        throw new InvalidMultiaddrException("/" + p.label() + " has no value");
      }
      out.add(new Component(p, valueFromText(p, parts[i++])));
    }
    return new Multiaddr(out);
  }

  /**
   * @throws InvalidMultiaddrException if the bytes are not a multiaddr of known protocols
   */
  public static Multiaddr fromBytes(byte[] bytes) {
    if (bytes.length == 0 || bytes.length > MAX_LENGTH) {
      throw new InvalidMultiaddrException("multiaddr of " + bytes.length + " bytes");
    }
    List<Component> out = new ArrayList<>();
    int i = 0;
    while (i < bytes.length) {
      long[] code = org.rhizome.sync.varint.Varint.decode(bytes, i);
      i += (int) code[1];
      MultiaddrProtocol p = MultiaddrProtocol.byCode(code[0]);
      int size = p.size();
      if (size == MultiaddrProtocol.VARIABLE) {
        long[] len = org.rhizome.sync.varint.Varint.decode(bytes, i);
        i += (int) len[1];
        if (len[0] > bytes.length - i) {
          throw new InvalidMultiaddrException("/" + p.label() + " value runs past the end");
        }
        size = (int) len[0];
      }
      if (i + size > bytes.length) {
        throw new InvalidMultiaddrException("/" + p.label() + " value runs past the end");
      }
      byte[] value = Arrays.copyOfRange(bytes, i, i + size);
      if (p == MultiaddrProtocol.P2P) {
        PeerId.fromBytes(value);
      }
      out.add(new Component(p, value));
      i += size;
    }
    return new Multiaddr(out);
  }

  /** {@code /ip4/…/tcp/…} or {@code /ip6/…/tcp/…} for a socket address. */
  public static Multiaddr fromSocketAddress(InetSocketAddress address) {
    InetAddress ip = address.getAddress();
    MultiaddrProtocol p =
        ip instanceof Inet4Address ? MultiaddrProtocol.IP4 : MultiaddrProtocol.IP6;
    byte[] raw = ip.getAddress();
    int port = address.getPort();
    return new Multiaddr(
        List.of(
            new Component(p, raw),
            new Component(MultiaddrProtocol.TCP, new byte[] {(byte) (port >> 8), (byte) port})));
  }

  public List<Component> components() {
    return components;
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  /** The peer id of the last {@code /p2p} part, if any. */
  public Optional<PeerId> peerId() {
    for (int i = components.size() - 1; i >= 0; i--) {
      if (components.get(i).protocol() == MultiaddrProtocol.P2P) {
        return Optional.of(PeerId.fromBytes(components.get(i).value));
      }
    }
    return Optional.empty();
  }

  /** This address with a trailing {@code /p2p/<id>} (replacing any existing one). */
  public Multiaddr withPeerId(PeerId id) {
    List<Component> out = new ArrayList<>(withoutPeerId().components);
    out.add(new Component(MultiaddrProtocol.P2P, id.toBytes()));
    return new Multiaddr(out);
  }

  public Multiaddr withoutPeerId() {
    List<Component> out = new ArrayList<>(components);
    out.removeIf(c -> c.protocol() == MultiaddrProtocol.P2P);
    return new Multiaddr(out);
  }

  /**
   * The TCP socket address of {@code /ip4|ip6|dns*&#47;…/tcp/…}; DNS names are left unresolved.
   *
   * @throws InvalidMultiaddrException if the address has no IP or DNS part followed by TCP
   */
  public InetSocketAddress toSocketAddress() {
    if (components.size() < 2 || components.get(1).protocol() != MultiaddrProtocol.TCP) {
      throw new InvalidMultiaddrException(this + " is not a TCP address");
    }
    Component host = components.get(0);
    byte[] portBytes = components.get(1).value;
    int port = ((portBytes[0] & 0xFF) << 8) | (portBytes[1] & 0xFF);
    try {
      return switch (host.protocol()) {
        case IP4, IP6 -> new InetSocketAddress(InetAddress.getByAddress(host.value), port);
        case DNS, DNS4, DNS6 ->
            InetSocketAddress.createUnresolved(
                new String(host.value, StandardCharsets.UTF_8), port);
        default -> throw new InvalidMultiaddrException(this + " is not a TCP address");
      };
    } catch (UnknownHostException e) {
      throw new InvalidMultiaddrException(this + ": " + e.getMessage());
    }
  }

  private static byte[] valueFromText(MultiaddrProtocol p, String text) {
    switch (p) {
      case IP4 -> {
        if (!text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
          throw new InvalidMultiaddrException("bad ip4 address " + abbreviate(text));
        }
        return ipBytes(text, Inet4Address.class);
      }
      case IP6 -> {
        if (!text.matches("[0-9a-fA-F:.]+") || !text.contains(":")) {
          throw new InvalidMultiaddrException("bad ip6 address " + abbreviate(text));
        }
        return ipBytes(text, Inet6Address.class);
      }
      case TCP, UDP -> {
        int port;
        try {
          port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
          throw new InvalidMultiaddrException("bad port " + abbreviate(text));
        }
        if (port < 0 || port > 65535 || !text.matches("\\d+")) {
          throw new InvalidMultiaddrException("port out of range: " + abbreviate(text));
        }
        return new byte[] {(byte) (port >> 8), (byte) port};
      }
      case P2P -> {
        try {
          return PeerId.parse(text).toBytes();
        } catch (InvalidPeerIdException e) {
          throw new InvalidMultiaddrException("bad /p2p value: " + e.getMessage());
        }
      }
      default -> {
        if (text.isEmpty()) {
          throw new InvalidMultiaddrException("empty /" + p.label() + " name");
        }
        return text.getBytes(StandardCharsets.UTF_8);
      }
    }
  }

  private static byte[] ipBytes(String text, Class<? extends InetAddress> kind) {
    try {
      InetAddress a = InetAddress.getByName(text);
      if (!kind.isInstance(a)) {
        throw new InvalidMultiaddrException("wrong address family: " + text);
      }
      return a.getAddress();
    } catch (UnknownHostException e) {
      throw new InvalidMultiaddrException("bad IP address " + abbreviate(text));
    }
  }

  /** Shortest RFC 5952 form of Java's expanded IPv6 text ("0:0:0:0:0:0:0:1" → "::1"). */
  static String compressIpv6(String full) {
    String[] groups = full.split("%")[0].split(":");
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < groups.length; ) {
      if (groups[i].equals("0")) {
        int j = i;
        while (j < groups.length && groups[j].equals("0")) {
          j++;
        }
        if (j - i > bestLen && j - i > 1) {
          bestStart = i;
          bestLen = j - i;
        }
        i = j;
      } else {
        i++;
      }
    }
    if (bestStart < 0) {
      return String.join(":", groups);
    }
    String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
    String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLen, groups.length));
    return head + "::" + tail;
  }

  private static String abbreviate(String s) {
    return s.length() > 64 ? s.substring(0, 64) + "…" : s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Multiaddr m && Arrays.equals(bytes, m.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Component c : components) {
      sb.append(c);
    }
    return sb.toString();
  }
}
