package org.rhizome.app.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.WorkFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rhizome bench editor}: how fast others' edits reach an open editor, and typing in a 200 KB note. */
@Command(name = "editor", mixinStandardHelpOptions = true,
    description = {"Measure the editor bridge on generated notes in a temporary directory and print, as JSON:",
        "another process's commit → splices applied in the open editor, a peer's change → applied in the",
        "editor, and typing in a 200 KB note while a peer's edits land (editor-thread cost per key, batch writes)."})
public final class EditorBenchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--samples", defaultValue = "200", description = "Samples per figure (default: ${DEFAULT-VALUE}).")
  int samples;

  @Override
  public Integer call() throws Exception {
    if (samples < 10) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--samples must be at least 10");
    }
    Path work = Files.createTempDirectory("rhizome-bench-editor");
    try {
      Map<String, Object> result = new EditorBench(samples, work, System.err).run();
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      spec.commandLine().getOut().println(json.writeValueAsString(result));
      spec.commandLine().getOut().flush();
      return 0;
    } finally {
      WorkFiles.deleteTree(work);
    }
  }
}
