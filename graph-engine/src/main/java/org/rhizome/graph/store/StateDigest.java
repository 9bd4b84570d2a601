package org.rhizome.graph.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * A SHA-256 digest of the materialised graph: every (soul, field, value) in key order. Two replicas
 * have equal digests exactly when their graphs are equal (clocks and actors are not part of it).
 * Costs one scan of the field table.
 */
public final class StateDigest {
  private StateDigest() {}

  public static String compute(Connection c) throws SQLException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] len = new byte[4];
    try (PreparedStatement ps =
            c.prepareStatement("SELECT soul, name, value FROM field ORDER BY soul, name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        for (byte[] part :
            new byte[][] {
              rs.getString(1).getBytes(StandardCharsets.UTF_8),
              rs.getString(2).getBytes(StandardCharsets.UTF_8),
              rs.getBytes(3)
            }) {
          len[0] = (byte) (part.length >>> 24);
          len[1] = (byte) (part.length >>> 16);
          len[2] = (byte) (part.length >>> 8);
          len[3] = (byte) part.length;
          sha.update(len);
          sha.update(part);
        }
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
