package org.rhizome.graph.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.rhizome.graph.files.AtomicFile;

/**
 * Stores a device key as a small text file readable only by its owner: line 1 {@code
 * rhizome-device-key-v1}, line 2 the 32-byte seed in hex.
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
    byte[] text =
        (HEADER + "\n" + HexFormat.of().formatHex(key.seed()) + "\n")
            .getBytes(StandardCharsets.US_ASCII);
    AtomicFile.createIfAbsent(file, text, PosixFilePermissions.fromString("rw-------"));
    return load(file); // ours, or the key of the process that won the race
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
