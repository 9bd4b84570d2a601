package org.rhizome.graph.identity;

import java.util.HexFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Stores a device key as a small text file readable only by its owner:
 * line 1 {@code rhizome-device-key-v1}, line 2 the 32-byte seed in hex.
 */
public final class KeyFiles {
  private static final String HEADER = "rhizome-device-key-v1";

  private KeyFiles() {}

  /**
   * Loads the key at {@code file}, creating it (mode 0600) when absent. Creation never replaces a
   * key: the new one is written and synced in a temporary file, then linked into place only if no
   * file is there yet, so of several processes starting at once exactly one key wins and every
   * process (the losers too) signs with it.
   */
  public static DeviceKey loadOrCreate(Path file, SecureRandom random) throws IOException {
    if (Files.exists(file)) {
      return load(file);
    }
    DeviceKey key = DeviceKey.generate(random);
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".device-key", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the file lives in the user's own profile directory.
      }
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(ByteBuffer.wrap((HEADER + "\n" + HexFormat.of().formatHex(key.seed()) + "\n").getBytes(StandardCharsets.US_ASCII)));
        ch.force(true);
      }
      try {
        Files.createLink(file, tmp); // fails when the file exists: the first key stays
      } catch (FileAlreadyExistsException raced) {
        // another process created it first: use theirs (read below)
      } catch (UnsupportedOperationException | FileSystemException noLinks) {
        try {
          Files.move(tmp, file); // no hard links on this file system: a move that never replaces
        } catch (FileAlreadyExistsException raced) {
          // theirs wins
        }
      }
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
      return DeviceKey.fromSeed(HexFormat.of().parseHex(lines.get(1).strip()));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " holds a malformed device key: " + e.getMessage(), e);
    }
  }
}
