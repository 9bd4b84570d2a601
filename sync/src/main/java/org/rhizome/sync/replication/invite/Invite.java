package org.rhizome.sync.replication.invite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.rhizome.graph.membership.Grant;
import org.rhizome.graph.membership.InviteKey;
import org.rhizome.graph.model.WorkspaceId;
import org.rhizome.sync.peer.Multiaddr;

/**
 * Everything a device needs to join a workspace, as one line of text to paste or show as a QR code:
 * {@code rhizome-invite:} followed by base64url of {@code version(1) ‖ workspace id(16) ‖
 * secret(32) ‖ invite seed(32) ‖ grant(1) ‖ name ‖ addresses ‖ checksum(4)} (name and each address
 * length-prefixed by one or two bytes; the checksum is the start of SHA-256 of what precedes it, so
 * a damaged paste is caught). It is a secret: whoever holds it can join.
 */
public record Invite(
    WorkspaceId workspace,
    WorkspaceSecret secret,
    InviteKey key,
    String workspaceName,
    List<Multiaddr> addresses) {
  public static final String PREFIX = "rhizome-invite:";
  private static final int VERSION = 1;
  private static final int MAX_NAME_BYTES = 200;
  private static final int MAX_ADDRESSES = 16;

  public Invite {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(workspaceName, "workspaceName");
    addresses =
        List.copyOf(
            addresses.size() > MAX_ADDRESSES ? addresses.subList(0, MAX_ADDRESSES) : addresses);
  }

  public String format() {
    byte[] name = workspaceName.getBytes(StandardCharsets.UTF_8);
    if (name.length > MAX_NAME_BYTES) {
      name =
          Arrays.copyOf(
              name,
              MAX_NAME_BYTES); // names are shown, not compared; a cut code point shows as U+FFFD
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(256);
    out.write(VERSION);
    out.writeBytes(workspace.toBytes());
    out.writeBytes(secret.toBytes());
    out.writeBytes(key.seed());
    out.write(key.grant() == Grant.MEMBER ? 0 : 1);
    out.write(name.length);
    out.writeBytes(name);
    out.write(addresses.size());
    for (Multiaddr a : addresses) {
      byte[] bytes = a.toBytes();
      out.write(bytes.length >>> 8);
      out.write(bytes.length & 0xFF);
      out.writeBytes(bytes);
    }
    byte[] body = out.toByteArray();
    byte[] all = Arrays.copyOf(body, body.length + 4);
    System.arraycopy(checksum(body), 0, all, body.length, 4);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(all);
  }

  /**
   * @throws InvalidInviteException if {@code text} is not an intact invite (surrounding spaces are
   *     ignored)
   */
  public static Invite parse(String text) {
    String t = text.strip();
    if (!t.startsWith(PREFIX)) {
      throw new InvalidInviteException("an invite starts with " + PREFIX);
    }
    byte[] all;
    try {
      all = Base64.getUrlDecoder().decode(t.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new InvalidInviteException(
          "the invite holds characters that are not base64url: was it copied whole?");
    }
    if (all.length < 1 + 16 + 32 + 32 + 1 + 1 + 1 + 4) {
      throw new InvalidInviteException("the invite is too short: was it copied whole?");
    }
    byte[] body = Arrays.copyOf(all, all.length - 4);
    if (!Arrays.equals(checksum(body), Arrays.copyOfRange(all, all.length - 4, all.length))) {
      throw new InvalidInviteException(
          "the invite's checksum does not match: it was damaged or cut");
    }
    if (body[0] != VERSION) {
      throw new InvalidInviteException(
          "invite version " + body[0] + " is newer than this Rhizome understands");
    }
    int at = 1;
    WorkspaceId ws = WorkspaceId.of(Arrays.copyOfRange(body, at, at += 16));
    WorkspaceSecret secret = WorkspaceSecret.of(Arrays.copyOfRange(body, at, at += 32));
    byte[] seed = Arrays.copyOfRange(body, at, at += 32);
    int grantByte = body[at++];
    if (grantByte != 0 && grantByte != 1) {
      throw new InvalidInviteException("unknown grant " + grantByte);
    }
    InviteKey key = InviteKey.fromSeed(seed, grantByte == 0 ? Grant.MEMBER : Grant.DEVICE);
    int nameLength = body[at++] & 0xFF;
    if (at + nameLength + 1 > body.length) {
      throw new InvalidInviteException("the invite's name runs past its end");
    }
    String name = new String(body, at, nameLength, StandardCharsets.UTF_8);
    at += nameLength;
    int count = body[at++] & 0xFF;
    if (count > MAX_ADDRESSES) {
      throw new InvalidInviteException("an invite carries at most " + MAX_ADDRESSES + " addresses");
    }
    List<Multiaddr> addresses = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (at + 2 > body.length) {
        throw new InvalidInviteException("the invite's addresses run past its end");
      }
      int length = ((body[at] & 0xFF) << 8) | (body[at + 1] & 0xFF);
      at += 2;
      if (at + length > body.length) {
        throw new InvalidInviteException("the invite's addresses run past its end");
      }
      try {
        addresses.add(Multiaddr.fromBytes(Arrays.copyOfRange(body, at, at + length)));
      } catch (RuntimeException e) {
        throw new InvalidInviteException("the invite holds a malformed address: " + e.getMessage());
      }
      at += length;
    }
    if (at != body.length) {
      throw new InvalidInviteException(
          "the invite has " + (body.length - at) + " unexpected bytes at its end");
    }
    return new Invite(ws, secret, key, name, addresses);
  }

  private static byte[] checksum(byte[] body) {
    try {
      return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(body), 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "Invite("
        + workspace
        + ", "
        + workspaceName
        + ", "
        + key.grant()
        + ", "
        + addresses.size()
        + " addresses)";
  }
}
