package org.rhizome.app.cli.p2p;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rhizome.sync.host.Host;
import org.rhizome.sync.host.HostConfig;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PrivateKey;
import org.rhizome.sync.pnet.PreSharedKey;
import picocli.CommandLine.Option;

/**
 * Options every p2p command shares (a picocli mixin): identity key file and private-network key.
 */
final class HostOptions {
  @Option(
      names = "--psk",
      paramLabel = "FILE",
      description =
          "Join the private network of this key file (/key/swarm/psk/1.0.0/, /base16/, 64 hex digits).")
  @Nullable Path psk;

  @Option(
      names = "--key",
      paramLabel = "FILE",
      description =
          "Identity: a libp2p protobuf Ed25519 private key file (as js-libp2p writes). Default: a new key.")
  @Nullable Path key;

  /** Starts a host listening on {@code listen} (may be empty for a dial-only host). */
  Host start(List<Multiaddr> listen) throws IOException {
    PrivateKey identity =
        key == null
            ? PrivateKey.generate(new SecureRandom())
            : PrivateKey.unmarshal(Files.readAllBytes(key));
    HostConfig.Builder b = HostConfig.builder(identity);
    listen.forEach(b::listen);
    if (psk != null) {
      b.psk(PreSharedKey.parse(Files.readString(psk, StandardCharsets.US_ASCII)));
    }
    return Host.start(b.build());
  }
}
