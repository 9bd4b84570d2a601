package org.rhizome.graph.repair;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.model.WorkspaceId;

/** Read-only access to a workspace file that may be damaged: no schema work, no writes. */
final class StoredFile {
  private static final byte[] SQLITE_MAGIC =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private StoredFile() {}

  /** Why the file cannot be an SQLite database at all (empty, short, foreign), if so. */
  static Optional<String> unusable(Path file) throws IOException {
    long size = Files.size(file);
    if (size == 0) {
      return Optional.of(file + " is empty (0 bytes)");
    }
    byte[] head = new byte[SQLITE_MAGIC.length];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n < head.length || !Arrays.equals(head, SQLITE_MAGIC)) {
      return Optional.of(
          file + " is not an SQLite database (" + size + " bytes of something else)");
    }
    return Optional.empty();
  }

  static Connection openReadOnly(Path file) throws SQLException {
    Properties p = new Properties();
    p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), p);
    try (var s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 10000");
    }
    return c;
  }

  /**
   * The readable rows of {@code meta} (the workspace id, membership mode, local settings); empty if
   * none can be read.
   */
  static Map<String, String> meta(Connection c) {
    Map<String, String> meta = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM meta");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        meta.put(rs.getString(1), rs.getString(2));
      }
    } catch (SQLException e) {
      // a damaged meta table: what was read before the damage is kept
    }
    return meta;
  }

  static @Nullable WorkspaceId workspaceId(Map<String, String> meta) {
    try {
      String hex = meta.get("workspace_id");
      return hex == null ? null : WorkspaceId.parse(hex);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The membership mode, or null when it cannot be read (then it is taken from the changes, never
   * guessed: see {@link SalvagedLog#modeFromChanges}).
   */
  static @Nullable MembershipMode mode(Map<String, String> meta) {
    try {
      String mode = meta.get("membership");
      return mode == null ? null : MembershipMode.valueOf(mode);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
