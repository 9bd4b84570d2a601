package org.rhizome.graph.repair;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.model.WorkspaceId;
import org.rhizome.graph.store.DamageMarker;

/**
 * Rebuilds a workspace file from its change log: every change that can still be read and checks
 * (content address, signature, chain) is replayed into a NEW file beside it, which rebuilds the
 * materialised state and every index; the readable local settings and the attachment bytes that
 * match their hash are copied over. Then the damaged file (with its -wal) is kept beside it as
 * {@code NAME.db.damaged-TIME} and the new one takes its place by an atomic rename, and the damage
 * marker is cleared. Needs no other process on the file (stop {@code serve} and the app first).
 * Blocks; costs one replay of the log.
 */
public final class WorkspaceRepair {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private WorkspaceRepair() {}

  /**
   * @throws StoreException when nothing at all can be read (the id of the workspace is unknown), or
   *     the new file cannot be written; the old file is then left as it was
   */
  public static RepairReport run(Path file) throws StoreException {
    return run(file, null);
  }

  /**
   * As {@link #run(Path)}, replaying as the device {@code key}, so the private notes it reads
   * (decision 0008) are in the new file. Null: a random device.
   */
  public static RepairReport run(Path file, @org.jspecify.annotations.Nullable DeviceKey key)
      throws StoreException {
    DeviceKey device = key != null ? key : DeviceKey.generate(new SecureRandom());
    long started = System.nanoTime();
    Path dir = file.toAbsolutePath().getParent();
    List<String> problems = new ArrayList<>();
    Map<String, String> meta;
    SalvagedLog log;
    try {
      Optional<String> unusable = StoredFile.unusable(file);
      if (unusable.isPresent()) {
        throw new StoreException(
            unusable.get()
                + ": nothing in it can be read, so there is nothing to rebuild from."
                + " Restore it from a backup, or move it away and join the workspace again from a peer.");
      }
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Replay.Result replay;
    long blobsKept = 0;
    long blobsLost = 0;
    long settingsKept = 0;
    try (Connection old = StoredFile.openReadOnly(file)) {
      meta = StoredFile.meta(old);
      WorkspaceId id = StoredFile.workspaceId(meta);
      log = new SalvagedLog(old, id).read();
      problems.addAll(log.problems);
      if (id == null) {
        id = log.workspace();
        problems.add("the workspace id could not be read from the file; taken from its changes");
      }
      if (id == null) {
        throw new StoreException(
            "neither the id of the workspace nor any change can be read from "
                + file
                + ": restore it from a backup, or move it away and join the workspace again from a peer.");
      }
      MembershipMode mode = StoredFile.mode(meta);
      if (mode == null) {
        mode = log.modeFromChanges();
        problems.add(
            mode == MembershipMode.MEMBERS
                ? "the membership mode could not be read; the changes record members, so the"
                    + " rebuilt workspace is members-only"
                : "the membership mode could not be read; no change records a member, so the"
                    + " rebuilt workspace is open (a personal workspace)");
      }
      replay = Replay.into(dir, id, mode, device, log.good, false);
      problems.addAll(replay.refusals());
      try (Connection fresh = DriverManager.getConnection("jdbc:sqlite:" + replay.file())) {
        fresh.setAutoCommit(false);
        settingsKept = copySettings(meta, fresh);
        long[] blobs = copyBlobs(old, fresh, problems);
        blobsKept = blobs[0];
        blobsLost = blobs[1];
        fresh.commit();
      }
    } catch (SQLException e) {
      throw new StoreException(
          "repairing " + file + " failed: " + e.getMessage() + "; the file was left as it was", e);
    }
    long notes;
    try (Workspace ws = Workspace.open(replay.file(), device)) {
      notes = ws.noteCount();
    }
    Path kept = dir.resolve(file.getFileName() + ".damaged-" + LocalDateTime.now().format(STAMP));
    try {
      try (FileChannel ch = FileChannel.open(replay.file(), StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.createLink(kept, file);
      // The old WAL must leave before the new file arrives: SQLite would replay it into the new
      // one.
      for (String suffix : new String[] {"-wal", "-shm"}) {
        Path side = file.resolveSibling(file.getFileName() + suffix);
        if (Files.exists(side)) {
          Files.move(side, kept.resolveSibling(kept.getFileName() + suffix));
        }
      }
      try {
        Files.move(
            replay.file(),
            file,
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(replay.file(), file, StandardCopyOption.REPLACE_EXISTING);
      }
      DamageMarker.clear(file);
    } catch (IOException e) {
      throw new StoreException(
          "the rebuilt workspace is in "
              + replay.file()
              + ", but it could not take the place of "
              + file
              + " ("
              + e.getMessage()
              + "); the damaged file is kept as "
              + kept,
          e);
    }
    long lost = log.unreadableRows + log.badChanges + replay.refused();
    return new RepairReport(
        file.toString(),
        kept.toString(),
        replay.applied(),
        lost,
        notes,
        blobsKept,
        blobsLost,
        settingsKept,
        List.copyOf(problems),
        (System.nanoTime() - started) / 1_000_000);
  }

  private static long copySettings(Map<String, String> meta, Connection fresh) throws SQLException {
    long n = 0;
    try (PreparedStatement ps =
        fresh.prepareStatement(
            "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING")) {
      for (Map.Entry<String, String> e : meta.entrySet()) {
        ps.setString(1, e.getKey());
        ps.setString(2, e.getValue());
        n += ps.executeUpdate();
      }
    }
    return n;
  }

  /** Copies attachment bytes that still match their SHA-256; returns {kept, lost}. */
  private static long[] copyBlobs(Connection old, Connection fresh, List<String> problems)
      throws SQLException {
    long kept = 0;
    long lost = 0;
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps = old.prepareStatement("SELECT id FROM blob ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    } catch (SQLException e) {
      problems.add(
          "the list of attachment bytes cannot be read ("
              + e.getMessage()
              + "); peers can send them again");
      return new long[] {0, 0};
    }
    try (PreparedStatement read =
            old.prepareStatement("SELECT hash, size, data FROM blob WHERE id = ?");
        PreparedStatement write =
            fresh.prepareStatement(
                "INSERT INTO blob(hash, size, data) VALUES (?, ?, ?) ON CONFLICT(hash) DO NOTHING")) {
      for (long id : ids) {
        try {
          read.setLong(1, id);
          try (ResultSet rs = read.executeQuery()) {
            if (!rs.next()) {
              continue;
            }
            byte[] hash = rs.getBytes(1);
            byte[] data = rs.getBytes(3);
            if (data == null || !Arrays.equals(sha256(data), hash)) {
              lost++;
              continue;
            }
            write.setBytes(1, hash);
            write.setLong(2, data.length);
            write.setBytes(3, data);
            write.executeUpdate();
            kept++;
          }
        } catch (SQLException e) {
          lost++;
        }
      }
    }
    if (lost > 0) {
      problems.add(
          lost
              + " attachments' bytes were damaged and are left out; peers that have them send them again");
    }
    return new long[] {kept, lost};
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
