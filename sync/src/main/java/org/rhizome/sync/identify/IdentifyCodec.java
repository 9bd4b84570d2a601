package org.rhizome.sync.identify;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.ProtocolViolationException;
import org.rhizome.sync.peer.InvalidMultiaddrException;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PublicKey;
import org.rhizome.sync.transport.IdentifyInfo;

/**
 * The {@code Identify} protobuf (specs/identify/README.md): 1 publicKey, 2 listenAddrs, 3
 * protocols, 4 observedAddr, 5 protocolVersion, 6 agentVersion, 8 signedPeerRecord (never sent by
 * us; skipped when read). Fields are accepted in any order; addresses we cannot parse are skipped.
 */
final class IdentifyCodec {
  static final int MAX_PROTOCOLS = 256;
  static final int MAX_ADDRESSES = 64;

  private IdentifyCodec() {}

  static byte[] encode(IdentifyInfo info) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream o = CodedOutputStream.newInstance(bytes);
      if (info.publicKey() != null) {
        o.writeBytes(1, ByteString.copyFrom(info.publicKey().marshal()));
      }
      for (Multiaddr a : info.listenAddresses()) {
        o.writeBytes(2, ByteString.copyFrom(a.toBytes()));
      }
      for (String p : info.protocols()) {
        o.writeString(3, p);
      }
      if (info.observedAddress() != null) {
        o.writeBytes(4, ByteString.copyFrom(info.observedAddress().toBytes()));
      }
      o.writeString(5, info.protocolVersion());
      o.writeString(6, info.agentVersion());
      o.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Decodes one message and merges it over {@code base} (repeated fields replace, as js does). */
  static IdentifyInfo decodeOver(@Nullable IdentifyInfo base, byte[] bytes) {
    PublicKey key = base == null ? null : base.publicKey();
    List<Multiaddr> addrs = new ArrayList<>();
    List<String> protocols = new ArrayList<>();
    boolean sawAddrs = false;
    boolean sawProtocols = false;
    Multiaddr observed = base == null ? null : base.observedAddress();
    String protocolVersion = base == null ? "" : base.protocolVersion();
    String agentVersion = base == null ? "" : base.agentVersion();
    try {
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        switch (tag) {
          case 10 -> key = PublicKey.unmarshal(in.readByteArray());
          case 18 -> {
            sawAddrs = true;
            byte[] a = in.readByteArray();
            if (addrs.size() >= MAX_ADDRESSES) {
              throw new ProtocolViolationException(
                  "identify lists more than " + MAX_ADDRESSES + " addresses");
            }
            parseAddress(a, addrs);
          }
          case 26 -> {
            sawProtocols = true;
            if (protocols.size() >= MAX_PROTOCOLS) {
              throw new ProtocolViolationException(
                  "identify lists more than " + MAX_PROTOCOLS + " protocols");
            }
            protocols.add(in.readStringRequireUtf8());
          }
          case 34 -> {
            List<Multiaddr> one = new ArrayList<>(1);
            parseAddress(in.readByteArray(), one);
            observed = one.isEmpty() ? observed : one.get(0);
          }
          case 42 -> protocolVersion = in.readStringRequireUtf8();
          case 50 -> agentVersion = in.readStringRequireUtf8();
          default -> in.skipField(tag);
        }
      }
    } catch (IOException e) {
      throw new ProtocolViolationException("identify message does not decode: " + e.getMessage());
    }
    List<Multiaddr> finalAddrs = sawAddrs || base == null ? addrs : base.listenAddresses();
    List<String> finalProtocols = sawProtocols || base == null ? protocols : base.protocols();
    return new IdentifyInfo(
        key, finalAddrs, finalProtocols, observed, protocolVersion, agentVersion);
  }

  private static void parseAddress(byte[] bytes, List<Multiaddr> out) {
    try {
      out.add(Multiaddr.fromBytes(bytes));
    } catch (InvalidMultiaddrException | org.rhizome.sync.varint.MalformedVarintException e) {
      // A peer may listen on transports we do not know (quic, webrtc…); those addresses are useless
      // to us.
    }
  }
}
