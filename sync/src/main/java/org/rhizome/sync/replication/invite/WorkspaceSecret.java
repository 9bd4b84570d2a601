package org.rhizome.sync.replication.invite;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.rhizome.graph.model.WorkspaceId;
import org.rhizome.sync.pnet.PreSharedKey;

/**
 * The secret every replica of a shared workspace holds (it travels in invites, never in changes).
 * From it comes the workspace's pre-shared key: peers without it cannot complete a connection.
 */
public final class WorkspaceSecret {
  public static final int LENGTH = 32;
  private final byte[] bytes;

  private WorkspaceSecret(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a workspace secret has " + LENGTH + " bytes");
    }
    this.bytes = bytes.clone();
  }

  public static WorkspaceSecret generate(SecureRandom random) {
    byte[] b = new byte[LENGTH];
    random.nextBytes(b);
    return new WorkspaceSecret(b);
  }

  public static WorkspaceSecret of(byte[] bytes) {
    return new WorkspaceSecret(bytes);
  }

  /**
   * @throws IllegalArgumentException unless {@code hex} is 64 hex digits
   */
  public static WorkspaceSecret parse(String hex) {
    return of(HexFormat.of().parseHex(hex));
  }

  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  /**
   * HKDF-SHA256 (RFC 5869) of the secret, bound to the workspace id: the libp2p private network's
   * key.
   */
  public PreSharedKey preSharedKey(WorkspaceId workspace) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec("rhizome/pnet/v1".getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
      byte[] prk = mac.doFinal(bytes);
      mac.init(new SecretKeySpec(prk, "HmacSHA256"));
      mac.update(workspace.toBytes());
      mac.update((byte) 1);
      return PreSharedKey.of(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WorkspaceSecret s && Arrays.equals(s.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "WorkspaceSecret(…)";
  }
}
