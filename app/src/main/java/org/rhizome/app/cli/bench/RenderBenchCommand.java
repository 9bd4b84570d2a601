package org.rhizome.app.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.WorkFiles;
import org.rhizome.ui.render.RenderWarmUp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rhizome bench render}: the reading view's renderer on a big note, and {@code export
 * --html} of a generated vault.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Render a generated note of about --kb KB with every Obsidian construct as the reading view does",
      "(in a fresh JVM, after the app's warm-up unless --cold: its start, what the view shows first (first_screen), then the whole note;",
      "the median of --runs later renders, each after a small edit, wall and CPU;",
      "a big note not seen before in the warm JVM; the same edits without the block cache), then export a",
      "generated workspace of --notes notes as a static HTML site (rhizome export --html); prints JSON."
    })
public final class RenderBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--kb",
      defaultValue = "280",
      description = "Size of the big note in KB (default: ${DEFAULT-VALUE}).")
  int kb;

  @Option(
      names = "--runs",
      defaultValue = "15",
      description = "Later renders timed (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--notes",
      defaultValue = "6500",
      description =
          "Notes in the exported workspace; 0 skips the export (default: ${DEFAULT-VALUE}).")
  int notes;

  @Option(
      names = "--cold",
      description =
          "Time the first render in a JVM that rendered nothing before (the app warms the renderer"
              + " up once its window shows; by default the bench does the same first).")
  boolean cold;

  @Option(
      names = "--webview",
      description =
          "Time the reading view itself in a window instead (WebView loading the page and running"
              + " its scripts; first and later, after the app's warm-up unless --cold). Needs a"
              + " display: xvfb-run -a on a server.")
  boolean webView;

  @Override
  public Integer call() throws Exception {
    if (kb < 1 || runs < 1 || notes < 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--kb and --runs must be at least 1, --notes at least 0");
    }
    Path work = Files.createTempDirectory("rhizome-render-bench");
    try {
      Map<String, Object> result =
          new RenderBench(
                  kb,
                  runs,
                  webView ? 0 : notes,
                  cold ? 0 : RenderWarmUp.RENDERS,
                  webView,
                  work,
                  System.err)
              .run();
      BenchJson.print(spec, result);
      return 0;
    } finally {
      WorkFiles.deleteTree(work);
    }
  }
}
