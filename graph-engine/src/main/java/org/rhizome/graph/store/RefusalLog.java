package org.rhizome.graph.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.api.Refusal;
import org.rhizome.graph.api.RefusalReason;
import org.rhizome.graph.files.AtomicFile;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.ChangeHash;

/**
 * The last changes this replica refused for good (issue 16: a refused change is never silent), in a
 * file beside the workspace's ({@code NAME.db.refusals}, one tab-separated line each), so that a
 * refused change leaves the workspace file itself untouched and another process (the CLI beside
 * {@code serve}) can read them. Each change is written once however often peers offer it again;
 * past {@value #KEPT} twice over, the file is cut back to the last {@value #KEPT}. Thread-safe.
 */
public final class RefusalLog {
  static final int KEPT = 1000;
  private static final int REMEMBERED = 10_000;

  private final Path file;
  private final Map<String, Boolean> seen =
      new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };
  private boolean loaded;
  private int lines;

  public RefusalLog(Path workspaceFile) {
    this.file = workspaceFile.resolveSibling(workspaceFile.getFileName() + ".refusals");
  }

  /** Whether a refusal is for good (worth the log), not a "later" (a dependency still missing). */
  public static boolean lasting(RefusalReason reason) {
    return reason != RefusalReason.MISSING_DEPENDENCY && reason != RefusalReason.GAP_IN_SEQ;
  }

  /** Appends a refusal, unless this change was logged already. Failures to write are ignored. */
  public synchronized void record(
      long atMillis,
      @Nullable ChangeHash hash,
      @Nullable ActorId actor,
      long seq,
      RefusalReason reason,
      String detail) {
    try {
      load();
      String key = hash != null ? hash.toString() : reason + " " + detail;
      if (seen.put(key, Boolean.TRUE) != null) {
        return;
      }
      String line =
          atMillis
              + "\t"
              + (hash == null ? "" : HexFormat.of().formatHex(hash.toBytes()))
              + "\t"
              + (actor == null ? "" : actor.hex())
              + "\t"
              + seq
              + "\t"
              + reason.name()
              + "\t"
              + oneLine(detail)
              + "\n";
      Files.writeString(
          file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      if (++lines > 2 * KEPT) {
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> kept = all.subList(Math.max(0, all.size() - KEPT), all.size());
        AtomicFile.replace(
            file,
            (String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8),
            AtomicFile.Durability.FLUSHED);
        lines = kept.size();
      }
    } catch (IOException | RuntimeException e) {
      // A diagnostic: the refusal itself has been answered; losing its log line loses nothing else.
    }
  }

  private void load() throws IOException {
    if (loaded) {
      return;
    }
    loaded = true;
    for (String line : readLines()) {
      String[] f = line.split("\t", -1);
      if (f.length >= 6) {
        seen.put(f[1].isEmpty() ? f[4] + " " + f[5] : f[1], Boolean.TRUE);
      }
      lines++;
    }
  }

  private List<String> readLines() throws IOException {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }

  /** The latest refusals, newest first; empty when none was ever recorded. */
  public synchronized List<Refusal> recent(int limit) throws IOException {
    List<String> all = readLines();
    List<Refusal> out = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
      String[] f = all.get(i).split("\t", -1);
      if (f.length < 6) {
        continue;
      }
      try {
        RefusalReason reason;
        try {
          reason = RefusalReason.valueOf(f[4]);
        } catch (IllegalArgumentException e) {
          reason = RefusalReason.UNSTORABLE;
        }
        out.add(
            new Refusal(
                Instant.ofEpochMilli(Long.parseLong(f[0])),
                f[2].isEmpty() ? null : ActorId.parse(f[2]),
                Long.parseLong(f[3]),
                reason,
                f[5]));
      } catch (IllegalArgumentException e) {
        // a damaged line is skipped
      }
    }
    return out;
  }

  private static String oneLine(String s) {
    String t = s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    return t.length() > 2000 ? t.substring(0, 2000) + "…" : t;
  }
}
