package org.rhizome.app.cli.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.rhizome.app.data.DataDirectory;
import org.rhizome.graph.files.AtomicFile;

/**
 * {@code run/NAME.json}: the status a running serve publishes for {@code status}, {@code invite}
 * and scripts. Written whole to a temp file and moved into place atomically, so a reader never sees
 * half a file; removed when the serve stops. A file left by a serve that died is ignored: its pid
 * is gone.
 */
public final class ServeStatusFile {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ServeStatusFile() {}

  public static Path file(DataDirectory data, String workspaceName) {
    return data.runDirectory().resolve(workspaceName + ".json");
  }

  /** Replaces the status file whole and durably (see {@link AtomicFile}). */
  static void write(DataDirectory data, ServeStatus status) throws IOException {
    AtomicFile.replace(
        file(data, status.workspace()),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(status),
        AtomicFile.Durability.SYNCED);
  }

  static void delete(DataDirectory data, String workspaceName) throws IOException {
    Files.deleteIfExists(file(data, workspaceName));
  }

  /**
   * The status of the serve running on this workspace, if its process is alive.
   *
   * @throws IOException if the file exists but cannot be read or parsed
   */
  public static Optional<ServeStatus> readLive(DataDirectory data, String workspaceName)
      throws IOException {
    Path file = file(data, workspaceName);
    ServeStatus status;
    try {
      status = JSON.readValue(Files.readAllBytes(file), ServeStatus.class);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new IOException("cannot read the serve status file " + file + ": " + e.getMessage(), e);
    }
    boolean alive = ProcessHandle.of(status.pid()).map(ProcessHandle::isAlive).orElse(false);
    return alive ? Optional.of(status) : Optional.empty();
  }
}
