package org.rhizome.sync.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.rhizome.sync.Libp2pException;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PeerId;
import org.rhizome.sync.pnet.PreSharedKey;
import org.rhizome.sync.replication.invite.InvalidInviteException;
import org.rhizome.sync.replication.invite.Invite;

/** Text a person pastes or a file holds: invites, pre-shared key files, multiaddrs and peer ids. */
public final class TextInputsFuzzer {
  private TextInputsFuzzer() {}

  public static List<byte[]> seeds() {
    return List.of(
        (PreSharedKey.HEADER + "\n/base16/\n" + "ab".repeat(32) + "\n")
            .getBytes(StandardCharsets.US_ASCII),
        "/ip4/127.0.0.1/tcp/4001/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA"
            .getBytes(StandardCharsets.US_ASCII),
        (Invite.PREFIX + "AAAA").getBytes(StandardCharsets.US_ASCII));
  }

  public static void fuzzerTestOneInput(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    try {
      Invite.parse(text);
    } catch (InvalidInviteException expected) {
      // a typed refusal
    }
    try {
      PreSharedKey.parse(text);
    } catch (IllegalArgumentException expected) {
      // documented refusal of a key file
    }
    try {
      Multiaddr.parse(text);
    } catch (Libp2pException expected) {
      // a typed refusal
    }
    try {
      PeerId.parse(text);
    } catch (Libp2pException expected) {
      // a typed refusal
    }
  }
}
