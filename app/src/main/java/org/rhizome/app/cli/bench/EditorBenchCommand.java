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
 * {@code rhizome bench editor}: how fast others' edits reach an open editor, and typing in a 200 KB
 * note.
 */
@Command(
    name = "editor",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the editor bridge on generated notes in a temporary directory and print, as JSON:",
      "another process's commit → splices applied in the open editor, a peer's change → applied in the",
      "editor, and typing in a 200 KB note while a peer's edits land (editor-thread cost per key, batch writes).",
      "With --libp2p: two devices over real libp2p on 127.0.0.1, a keystroke on A → applied in B's open editor."
    })
public final class EditorBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--samples",
      defaultValue = "200",
      description = "Samples per figure (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(
      names = "--libp2p",
      description =
          "Measure a keystroke on one device reaching the other's open editor over"
              + " real libp2p on loopback (two hosts), instead of the in-process figures.")
  boolean libp2p;

  @Override
  public Integer call() throws Exception {
    if (samples < 10) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--samples must be at least 10");
    }
    Path work = Files.createTempDirectory("rhizome-bench-editor");
    try {
      Map<String, Object> result =
          libp2p ? peerFigures(work) : new EditorBench(samples, work, System.err).run();
      BenchJson.print(spec, result);
      return 0;
    } finally {
      WorkFiles.deleteTree(work);
    }
  }

  private Map<String, Object> peerFigures(Path work) throws Exception {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("samples", samples);
    out.put("load_average_before", Files.readString(Path.of("/proc/loadavg")).trim());
    out.put("cores", Runtime.getRuntime().availableProcessors());
    out.putAll(new EditorPeerBench(samples, work, System.err).run());
    out.put("load_average_after", Files.readString(Path.of("/proc/loadavg")).trim());
    return out;
  }
}
