package org.rhizome.app.cli.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The benchmarks' scratch folders: generated workspaces that are thrown away after the run. */
public final class WorkFiles {
  private WorkFiles() {}

  /** Deletes a folder and everything in it, deepest first; what cannot be deleted is left. */
  public static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
