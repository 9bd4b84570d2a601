package org.rhizome.graph.membership;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.model.WorkspaceId;

/**
 * The birth of a members-only workspace. Its id is a hash of the founder's key and a nonce, so the
 * genesis (the founder's first change, naming both) proves who founded it: nobody else can write a
 * genesis that hashes to the same id.
 */
public final class WorkspaceGenesis {
  public static final int NONCE_LENGTH = 16;
  private static final byte[] DOMAIN = "rhizome/workspace/v1\n".getBytes(StandardCharsets.US_ASCII);

  private final ActorId founder;
  private final byte[] nonce;

  private WorkspaceGenesis(ActorId founder, byte[] nonce) {
    if (nonce.length != NONCE_LENGTH) {
      throw new IllegalArgumentException("a genesis nonce has " + NONCE_LENGTH + " bytes");
    }
    this.founder = founder;
    this.nonce = nonce.clone();
  }

  public static WorkspaceGenesis create(ActorId founder, SecureRandom random) {
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(nonce);
    return new WorkspaceGenesis(founder, nonce);
  }

  /** Reads the genesis field's value ({@code <founder hex>:<nonce hex>}); empty if malformed. */
  public static Optional<WorkspaceGenesis> parse(String value) {
    int colon = value.indexOf(':');
    if (colon != ActorId.LENGTH * 2 || value.length() != colon + 1 + NONCE_LENGTH * 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new WorkspaceGenesis(
              ActorId.parse(value.substring(0, colon)),
              HexFormat.of().parseHex(value.substring(colon + 1))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public ActorId founder() {
    return founder;
  }

  public WorkspaceId workspaceId() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(DOMAIN);
      sha.update(founder.toBytes());
      sha.update(nonce);
      byte[] id = new byte[WorkspaceId.LENGTH];
      System.arraycopy(sha.digest(), 0, id, 0, id.length);
      return WorkspaceId.of(id);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  public String fieldValue() {
    return founder.hex() + ":" + HexFormat.of().formatHex(nonce);
  }

  /**
   * The ops of the founder's first change: the genesis, the workspace's name and the founder as a
   * member.
   */
  public List<Op> ops(String workspaceName, String founderName) {
    return List.of(
        new Op.SetField(SystemSouls.WORKSPACE, SystemSouls.GENESIS, Value.of(fieldValue())),
        new Op.SetField(SystemSouls.WORKSPACE, SystemSouls.NAME, Value.of(workspaceName)),
        new Op.SetField(SystemSouls.actor(founder), SystemSouls.PERSON, Value.of(founder.hex())),
        new Op.SetField(SystemSouls.actor(founder), SystemSouls.NAME, Value.of(founderName)));
  }
}
