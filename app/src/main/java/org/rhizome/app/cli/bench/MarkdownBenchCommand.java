package org.rhizome.app.cli.bench;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rhizome bench markdown}: the editor's highlighting of a big note, whole and after one
 * keystroke.
 */
@Command(
    name = "markdown",
    mixinStandardHelpOptions = true,
    description = {
      "Highlight a generated note of about --kb KB as the editor does (the engine's spans turned into",
      "styles): the whole note, and the blocks one keystroke changed; medians of --runs, wall and CPU; prints JSON."
    })
public final class MarkdownBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--kb",
      defaultValue = "280",
      description = "Size of the note in KB (default: ${DEFAULT-VALUE}).")
  int kb;

  @Option(
      names = "--runs",
      defaultValue = "21",
      description = "Timed runs of each step (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--hostile",
      description =
          "Instead: the worst-case parse of a body of --kb KB (default for this: 1024) over the"
              + " hostile shapes (nesting, unclosed brackets, emphasis runs...), and of a quarter of it;"
              + " --runs defaults to 3.")
  boolean hostile;

  @Option(
      names = "--reading-view",
      description = "With --hostile: also the reading view's render of each body.")
  boolean readingView;

  @Option(
      names = "--limit",
      defaultValue = "120",
      description =
          "With --hostile: seconds one step may take before it is reported as over the limit"
              + " (default: ${DEFAULT-VALUE}).")
  int limitSeconds;

  @Override
  public Integer call() throws Exception {
    if (kb < 1 || runs < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--kb and --runs must be at least 1");
    }
    if (hostile) {
      boolean kbGiven = spec.commandLine().getParseResult().hasMatchedOption("--kb");
      boolean runsGiven = spec.commandLine().getParseResult().hasMatchedOption("--runs");
      BenchJson.print(
          spec,
          new MarkdownHostileBench(
                  kbGiven ? kb : 1024, runsGiven ? runs : 3, readingView, limitSeconds)
              .run());
      return 0;
    }
    Map<String, Object> result = new MarkdownBench(kb, runs).run();
    BenchJson.print(spec, result);
    return 0;
  }
}
