package org.rhizome.graph.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.rhizome.graph.api.CorruptDatabaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The note that a workspace file was found damaged: {@code NAME.db.damaged} beside it, holding when
 * and what. Written when any read or write meets damage; while it is there, writes to the file are
 * refused (so nothing new goes into a file that may lose it); {@code rhizome repair} removes it.
 * Kept outside the database, which cannot be trusted to hold it. Thread-safe (plain files).
 */
public final class DamageMarker {
  private static final Logger log = LoggerFactory.getLogger(DamageMarker.class);
  private static final int MAX_REASON = 2000;

  private DamageMarker() {}

  /** {@code NAME.db.damaged} for {@code NAME.db}. */
  public static Path fileFor(Path database) {
    return database.resolveSibling(database.getFileName() + ".damaged");
  }

  /** Records damage found in {@code database}; the first record is kept. Never throws. */
  public static void record(Path database, String reason) {
    Path marker = fileFor(database);
    if (Files.exists(marker) || !Files.exists(database)) {
      return;
    }
    String text =
        Instant.now()
            + " "
            + (reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason)
            + "\n";
    try {
      Files.writeString(marker, text, StandardCharsets.UTF_8);
      log.warn(
          "{} is damaged; writes to it are refused until `rhizome repair` ({})", database, marker);
    } catch (IOException e) {
      log.warn("cannot record that {} is damaged: {}", database, e.toString());
    }
  }

  /** What was recorded, if {@code database} is marked damaged. */
  public static Optional<String> read(Path database) {
    try {
      return Optional.of(Files.readString(fileFor(database), StandardCharsets.UTF_8).strip());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(
          "(the marker " + fileFor(database) + " cannot be read: " + e.getMessage() + ")");
    }
  }

  /** Removes the marker (after a repair). */
  public static void clear(Path database) throws IOException {
    Files.deleteIfExists(fileFor(database));
  }

  /** The refusal of a write to a file marked damaged. */
  static CorruptDatabaseException refusal(Path database, String recorded) {
    return new CorruptDatabaseException(
        database
            + " was found damaged ("
            + recorded
            + "), so nothing is written to it."
            + " Run `rhizome check` to see what is wrong and `rhizome repair` to rebuild it from what can be read"
            + " (the damaged file is kept beside it).");
  }
}
