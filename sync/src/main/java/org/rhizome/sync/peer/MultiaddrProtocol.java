package org.rhizome.sync.peer;

/**
 * The multiaddr protocols Rhizome understands, with their multicodec codes and value sizes
 * (multiformats/multiaddr protocols.csv). {@code VARIABLE} values carry a varint length prefix.
 */
public enum MultiaddrProtocol {
  IP4(4, "ip4", 4),
  TCP(6, "tcp", 2),
  UDP(273, "udp", 2),
  DNS(53, "dns", MultiaddrProtocol.VARIABLE),
  DNS4(54, "dns4", MultiaddrProtocol.VARIABLE),
  DNS6(55, "dns6", MultiaddrProtocol.VARIABLE),
  DNSADDR(56, "dnsaddr", MultiaddrProtocol.VARIABLE),
  IP6(41, "ip6", 16),
  P2P(421, "p2p", MultiaddrProtocol.VARIABLE);

  static final int VARIABLE = -1;

  private final int code;
  private final String label;
  private final int size;

  MultiaddrProtocol(int code, String label, int size) {
    this.code = code;
    this.label = label;
    this.size = size;
  }

  public int code() {
    return code;
  }

  public String label() {
    return label;
  }

  int size() {
    return size;
  }

  static MultiaddrProtocol byCode(long code) {
    for (MultiaddrProtocol p : values()) {
      if (p.code == code) {
        return p;
      }
    }
    throw new InvalidMultiaddrException("unknown multiaddr protocol code " + code);
  }

  static MultiaddrProtocol byLabel(String label) {
    if (label.equals("ipfs")) {
      return P2P;
    }
    for (MultiaddrProtocol p : values()) {
      if (p.label.equals(label)) {
        return p;
      }
    }
    throw new InvalidMultiaddrException("unknown multiaddr protocol /" + label);
  }
}
