package org.rhizome.graph.membership;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.model.WorkspaceId;

/**
 * The one-off key an invite carries. A member registers its public half in the workspace (with what
 * it grants and until when); whoever holds the invite signs, with the private half, a certificate
 * naming their own device, and that certificate in the device's first change is what makes it a
 * member. The invite works while the inviter is offline, and says nothing about the joiner in
 * advance.
 */
public final class InviteKey {
  public static final int SEED_LENGTH = DeviceKey.SEED_LENGTH;
  private static final byte[] DOMAIN = "rhizome/join/v1\n".getBytes(StandardCharsets.US_ASCII);

  private final DeviceKey key;
  private final Grant grant;

  private InviteKey(DeviceKey key, Grant grant) {
    this.key = key;
    this.grant = Objects.requireNonNull(grant, "grant");
  }

  public static InviteKey generate(SecureRandom random, Grant grant) {
    return new InviteKey(DeviceKey.generate(random), grant);
  }

  /**
   * @throws IllegalArgumentException unless {@code seed} has {@value #SEED_LENGTH} bytes
   */
  public static InviteKey fromSeed(byte[] seed, Grant grant) {
    return new InviteKey(DeviceKey.fromSeed(seed), grant);
  }

  public byte[] seed() {
    return key.seed();
  }

  public ActorId publicKey() {
    return key.actor();
  }

  public Grant grant() {
    return grant;
  }

  /**
   * The ops by which a member registers this invite, valid until {@code expiresMillis} (Unix time).
   */
  public List<Op> registrationOps(long expiresMillis) {
    return registrationOps(expiresMillis, null);
  }

  /**
   * As {@link #registrationOps(long)}; a member invite also names the role it grants ({@code role}
   * is ignored for a device invite, whose joiner has its person's role).
   */
  public List<Op> registrationOps(long expiresMillis, @Nullable Role role) {
    if (grant == Grant.MEMBER && role != null) {
      return List.of(
          new Op.SetField(
              SystemSouls.invite(publicKey()), SystemSouls.GRANT, Value.of(grant.wireName())),
          new Op.SetField(
              SystemSouls.invite(publicKey()),
              SystemSouls.EXPIRES,
              Value.of((double) expiresMillis)),
          new Op.SetField(
              SystemSouls.invite(publicKey()), SystemSouls.ROLE, Value.of(role.wireName())));
    }
    return List.of(
        new Op.SetField(
            SystemSouls.invite(publicKey()), SystemSouls.GRANT, Value.of(grant.wireName())),
        new Op.SetField(
            SystemSouls.invite(publicKey()),
            SystemSouls.EXPIRES,
            Value.of((double) expiresMillis)));
  }

  /** The ops of a joining device's first change: its certificate, person and name. */
  public List<Op> joinOps(WorkspaceId workspace, ActorId device, ActorId person, String name) {
    byte[] message = certificateMessage(workspace, device, publicKey());
    String cert = HexFormat.of().formatHex(key.sign(message, 0, message.length));
    Soul soul = SystemSouls.actor(device);
    return List.of(
        new Op.SetField(soul, SystemSouls.PERSON, Value.of(person.hex())),
        new Op.SetField(soul, SystemSouls.INVITE, Value.of(publicKey().hex())),
        new Op.SetField(soul, SystemSouls.CERT, Value.of(cert)),
        new Op.SetField(soul, SystemSouls.NAME, Value.of(name)));
  }

  /**
   * True when {@code certificate} is the invite key's signature admitting {@code device} to {@code
   * workspace}.
   */
  public static boolean verifyCertificate(
      WorkspaceId workspace, ActorId device, ActorId invite, byte[] certificate) {
    if (certificate.length != DeviceKey.SIGNATURE_LENGTH) {
      return false;
    }
    byte[] message = certificateMessage(workspace, device, invite);
    return DeviceKey.verify(invite, message, 0, message.length, certificate, 0);
  }

  private static byte[] certificateMessage(WorkspaceId workspace, ActorId device, ActorId invite) {
    byte[] out = new byte[DOMAIN.length + WorkspaceId.LENGTH + 2 * ActorId.LENGTH];
    System.arraycopy(DOMAIN, 0, out, 0, DOMAIN.length);
    workspace.copyTo(out, DOMAIN.length);
    device.copyTo(out, DOMAIN.length + WorkspaceId.LENGTH);
    invite.copyTo(out, DOMAIN.length + WorkspaceId.LENGTH + ActorId.LENGTH);
    return out;
  }
}
