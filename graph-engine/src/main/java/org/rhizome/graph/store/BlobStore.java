package org.rhizome.graph.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The bytes of attachments, stored once per content (SHA-256). Local to this replica: blobs are not
 * changes; an attachment node names its blob by hash, and sync fetches the bytes it lacks. Use with
 * the write transaction's connection to store, any connection to read.
 */
public final class BlobStore {
  /** Largest blob kept; SQLite's own limit is 1 GB and the whole blob passes through memory. */
  public static final long MAX_BLOB_BYTES = 256L << 20;

  private BlobStore() {}

  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Stores {@code data} under its hash unless it is there already; returns the hash as hex. */
  public static String put(WriteTxn txn, byte[] data) throws SQLException {
    if (data.length > MAX_BLOB_BYTES) {
      throw new IllegalArgumentException(
          "a blob of " + data.length + " bytes is over the " + MAX_BLOB_BYTES + "-byte limit");
    }
    byte[] hash = sha256(data);
    PreparedStatement ps =
        txn.prepare("INSERT OR IGNORE INTO blob(hash, size, data) VALUES (?,?,?)");
    ps.setBytes(1, hash);
    ps.setLong(2, data.length);
    ps.setBytes(3, data);
    ps.executeUpdate();
    return HexFormat.of().formatHex(hash);
  }

  /**
   * Hashes (hex) of live attachments with no blob here, at most {@code limit}: those of attachment
   * nodes, and the sealed blobs of private notes' attachments this device reads (decision 0008; a
   * non-reader does not know them, and so never fetches them).
   */
  public static List<String> missing(Connection c, int limit) throws SQLException {
    List<String> out = new ArrayList<>();
    missingPrivate(c, limit, out);
    if (out.size() >= limit) {
      return out;
    }
    limit -= out.size();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT DISTINCT a.hash FROM attachment a WHERE a.deleted = 0"
                + " AND a.hash <> '' AND NOT EXISTS (SELECT 1 FROM blob b WHERE b.hash = unhex(a.hash)) LIMIT ?")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private static void missingPrivate(Connection c, int limit, List<String> out)
      throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT name, value FROM field WHERE soul >= 'prv.' AND soul < 'prv/'"
                    + " AND name >= 'attachment.' AND name < 'attachment/'");
        PreparedStatement has = c.prepareStatement("SELECT 1 FROM blob WHERE hash = ?")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next() && out.size() < limit) {
          org.rhizome.graph.api.PrivateAttachment a;
          try {
            a =
                org.rhizome.graph.api.PrivateAttachment.parse(
                    rs.getString(1),
                    org.rhizome.graph.change.ValueCodec.decode(rs.getBytes(2))
                            instanceof org.rhizome.graph.model.Value.Str s
                        ? s.value()
                        : null);
          } catch (org.rhizome.graph.encoding.DecodeException e) {
            continue;
          }
          if (a == null || out.contains(a.hash())) {
            continue;
          }
          byte[] hash;
          try {
            hash = HexFormat.of().parseHex(a.hash());
          } catch (IllegalArgumentException e) {
            continue;
          }
          has.setBytes(1, hash);
          try (ResultSet h = has.executeQuery()) {
            if (!h.next()) {
              out.add(a.hash());
            }
          }
        }
      }
    }
  }

  /** The bytes stored under a hex hash, if this replica has them. */
  public static Optional<byte[]> get(Connection c, String hexHash) throws SQLException {
    byte[] hash;
    try {
      hash = HexFormat.of().parseHex(hexHash);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT data FROM blob WHERE hash = ?")) {
      ps.setBytes(1, hash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
      }
    }
  }
}
