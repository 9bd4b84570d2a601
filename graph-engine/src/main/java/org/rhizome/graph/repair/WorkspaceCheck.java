package org.rhizome.graph.repair;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.ChangeHash;
import org.rhizome.graph.model.WorkspaceId;
import org.rhizome.graph.store.DamageMarker;
import org.rhizome.graph.store.StateDigest;

/**
 * Checks a workspace file without writing to it: SQLite's {@code PRAGMA integrity_check}; every
 * change of the log against its content address, its signature and its actor's chain; the actors'
 * heads; every stored text against its checksum; and the materialised state against a replay of the
 * readable log into a scratch file (in {@code scratchDir}, removed after). When it finds damage it
 * sets the file's damage marker, so writes are refused until {@link WorkspaceRepair} runs. Blocks;
 * costs one replay of the log.
 */
public final class WorkspaceCheck {
  private WorkspaceCheck() {}

  public static CheckReport run(Path file, Path scratchDir) throws StoreException {
    return run(file, scratchDir, null);
  }

  /**
   * As {@link #run(Path, Path)}, replaying as the device {@code key}: it opens the private notes it
   * reads (decision 0008), so a reader's file matches its replay. Null: a random device.
   */
  public static CheckReport run(
      Path file, Path scratchDir, @org.jspecify.annotations.Nullable DeviceKey key)
      throws StoreException {
    long started = System.nanoTime();
    List<String> problems = new ArrayList<>();
    String integrity = "not run";
    long changes = 0;
    long unreadable = 0;
    long bad = 0;
    long damagedTexts = 0;
    long unsealedTexts = 0;
    boolean matches = false;
    try {
      Optional<String> unusable = StoredFile.unusable(file);
      if (unusable.isPresent()) {
        problems.add(unusable.get());
      } else {
        try (Connection c = StoredFile.openReadOnly(file)) {
          integrity = integrity(c);
          if (!integrity.equals("ok")) {
            problems.add("SQLite's integrity check: " + integrity);
          }
          Map<String, String> meta = StoredFile.meta(c);
          WorkspaceId id = StoredFile.workspaceId(meta);
          MembershipMode mode = StoredFile.mode(meta);
          if (id == null || mode == null) {
            problems.add(
                "the workspace's id or membership mode cannot be read from its meta table");
          }
          SalvagedLog log = new SalvagedLog(c, id).read();
          problems.addAll(log.problems);
          changes = log.good.size();
          unreadable = log.unreadableRows;
          bad = log.badChanges;
          checkHeads(c, log, problems);
          try {
            SealedTexts texts = SealedTexts.check(c);
            damagedTexts = texts.damaged;
            unsealedTexts = texts.unsealed;
            if (texts.damaged > 0) {
              problems.add(texts.problem());
            }
          } catch (SQLException e) {
            problems.add("the stored texts cannot be read: " + e.getMessage());
          }
          WorkspaceId replayId = id != null ? id : log.workspace();
          if (replayId != null) {
            String state = digestOrNull(c, problems);
            Replay.Result replay =
                Replay.into(
                    scratchDir,
                    replayId,
                    mode == null ? log.modeFromChanges() : mode,
                    key != null ? key : DeviceKey.generate(new SecureRandom()),
                    log.good,
                    true);
            problems.addAll(replay.refusals());
            matches = state != null && state.equals(replay.digest());
            if (state != null && !matches) {
              problems.add(
                  "the materialised state differs from a replay of the log (digest "
                      + state.substring(0, 12)
                      + "… vs "
                      + replay.digest().substring(0, 12)
                      + "…): notes may show wrong text; `rhizome repair` rebuilds it");
            }
          }
        }
      }
    } catch (SQLException e) {
      problems.add("reading " + file + " failed: " + e.getMessage());
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (!problems.isEmpty() && Files.exists(file)) {
      DamageMarker.record(
          file,
          "`rhizome check` found " + problems.size() + " problems, the first: " + problems.get(0));
    }
    boolean marked = DamageMarker.read(file).isPresent();
    return new CheckReport(
        file.toString(),
        integrity,
        changes,
        unreadable,
        bad,
        damagedTexts,
        unsealedTexts,
        matches,
        marked,
        List.copyOf(problems),
        (System.nanoTime() - started) / 1_000_000);
  }

  private static String integrity(Connection c) {
    List<String> lines = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("PRAGMA integrity_check(20)");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        lines.add(rs.getString(1));
      }
    } catch (SQLException e) {
      return "cannot run: " + e.getMessage();
    }
    return lines.equals(List.of("ok")) ? "ok" : String.join("; ", lines);
  }

  private static String digestOrNull(Connection c, List<String> problems) {
    try {
      return StateDigest.compute(c);
    } catch (SQLException e) {
      problems.add("the materialised state cannot be read: " + e.getMessage());
      return null;
    }
  }

  /** The actor table's heads (the version vector) against the chains of the log. */
  private static void checkHeads(Connection c, SalvagedLog log, List<String> problems) {
    int wrong = 0;
    try (PreparedStatement ps =
            c.prepareStatement("SELECT key, seq, head FROM actor WHERE seq > 0");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ActorId actor = ActorId.of(rs.getBytes(1));
        long seq = rs.getLong(2);
        ChangeHash head = log.heads.get(actor);
        if (log.seqs.getOrDefault(actor, 0L) != seq
            || head == null
            || !Arrays.equals(head.toBytes(), rs.getBytes(3))) {
          wrong++;
        }
      }
    } catch (SQLException | IllegalArgumentException e) {
      problems.add("the actors' heads cannot be read: " + e.getMessage());
      return;
    }
    if (wrong > 0) {
      problems.add(wrong + " actors' heads (the version vector) do not match the log");
    }
  }
}
