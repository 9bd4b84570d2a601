package org.rhizome.graph.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.rhizome.graph.encoding.Hex;

/**
 * Stores a device key as a small text file readable only by its owner:
 * line 1 {@code rhizome-device-key-v1}, line 2 the 32-byte seed in hex.
 */
public final class KeyFiles {
  private static final String HEADER = "rhizome-device-key-v1";

  private KeyFiles() {}

  /** Loads the key at {@code file}, creating it (atomically, mode 0600) when absent. */
  public static DeviceKey loadOrCreate(Path file, SecureRandom random) throws IOException {
    if (Files.exists(file)) {
      return load(file);
    }
    DeviceKey key = DeviceKey.generate(random);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".device-key", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the file lives in the user's own profile directory.
      }
      Files.writeString(tmp, HEADER + "\n" + Hex.encode(key.seed()) + "\n", StandardCharsets.US_ASCII);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file);
      }
    } catch (FileAlreadyExistsException raced) {
      return load(file);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return load(file);
  }

  public static DeviceKey load(Path file) throws IOException {
    var lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    if (lines.size() < 2 || !lines.get(0).strip().equals(HEADER)) {
      throw new IOException(file + " is not a Rhizome device key file");
    }
    try {
      return DeviceKey.fromSeed(Hex.decode(lines.get(1).strip()));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " holds a malformed device key: " + e.getMessage(), e);
    }
  }
}
