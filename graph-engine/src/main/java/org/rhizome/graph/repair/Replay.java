package org.rhizome.graph.repair;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.MembershipMode;
import org.rhizome.graph.model.WorkspaceId;

/** Applies a log's changes, in log order, to a new workspace file: the state the log implies. */
final class Replay {
  private static final int BATCH = 500;

  /**
   * @param file the new file (in the scratch directory), or null when it was removed
   * @param applied changes that applied
   * @param refused changes the replay refused (and so are not in the new file)
   * @param refusals why, the first ones
   */
  record Result(
      @Nullable Path file, String digest, long applied, long refused, List<String> refusals) {}

  private Replay() {}

  static Result into(
      Path scratchDir,
      WorkspaceId id,
      MembershipMode mode,
      DeviceKey key,
      List<SalvagedLog.Entry> log,
      boolean discard)
      throws StoreException {
    Path file;
    try {
      Files.createDirectories(scratchDir);
      file = Files.createTempFile(scratchDir, ".replay-", ".db");
      Files.delete(file); // the workspace is created in place of the name
    } catch (IOException e) {
      throw new StoreException(
          "cannot make a scratch file in " + scratchDir + ": " + e.getMessage(), e);
    }
    long applied = 0;
    long refused = 0;
    List<String> refusals = new ArrayList<>();
    String digest;
    try (Workspace ws = Workspace.open(file, id, mode, key, System::currentTimeMillis)) {
      for (int from = 0; from < log.size(); from += BATCH) {
        List<byte[]> batch = new ArrayList<>(BATCH);
        for (SalvagedLog.Entry e : log.subList(from, Math.min(log.size(), from + BATCH))) {
          batch.add(e.change().encoded());
        }
        List<ApplyResult> results = ws.applyRemote(batch);
        org.rhizome.graph.model.VersionVector stored = ws.versionVector();
        for (int i = 0; i < results.size(); i++) {
          ApplyResult r = results.get(i);
          org.rhizome.graph.change.Change c = log.get(from + i).change();
          // A change its author's role did not allow is refused but kept without effect (decision
          // 0007): the replay holds it as the original did; that is no damage.
          boolean withheld =
              r.isRefused()
                  && r.reason() == org.rhizome.graph.api.RefusalReason.NOT_ALLOWED
                  && stored.get(c.actor()) >= c.seq();
          if (r.isRefused() && !withheld) {
            refused++;
            if (refusals.size() < 50) {
              refusals.add("a replay of the log refuses a change: " + r);
            }
          } else {
            applied++;
          }
        }
      }
      digest = ws.digest();
    } finally {
      if (discard) {
        deleteWithSidecars(file);
      }
    }
    return new Result(discard ? null : file, digest, applied, refused, refusals);
  }

  static void deleteWithSidecars(Path file) {
    for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
      try {
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
      } catch (IOException e) {
        // scratch: left for the OS to clean
      }
    }
  }
}
