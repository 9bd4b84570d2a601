package org.rhizome.app.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.WorkFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rhizome bench vault}: import, export and mirror figures on a generated Obsidian-style
 * vault.
 */
@Command(
    name = "vault",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a vault of N Markdown notes in folders (with front matter, links, tags and attachments)",
      "in a temporary directory, then print as JSON: import time, re-import time, export time, and how long the",
      "mirror takes to turn a file save into a change (median, p95 over --saves saves)."
    })
public final class VaultBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--notes",
      defaultValue = "10000",
      description = "Number of notes (default: ${DEFAULT-VALUE}).")
  int notes;

  @Option(
      names = "--saves",
      defaultValue = "30",
      description = "File saves timed through the mirror (default: ${DEFAULT-VALUE}).")
  int saves;

  @Override
  public Integer call() throws Exception {
    if (notes < 10 || saves < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--notes must be at least 10 and --saves at least 1");
    }
    Path work = Files.createTempDirectory("rhizome-vault-bench");
    try {
      Map<String, Object> result = new VaultBench(notes, saves, work, System.err).run();
      BenchJson.print(spec, result);
      return 0;
    } finally {
      WorkFiles.deleteTree(work);
    }
  }
}
