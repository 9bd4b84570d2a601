package org.rhizome.graph.fuzz;

import java.nio.charset.StandardCharsets;
import org.rhizome.graph.markdown.MarkdownParser;

/**
 * Any note body, front matter included, parses without throwing (problems are reported, not
 * thrown).
 */
public final class MarkdownParseFuzzer {
  private static final MarkdownParser PARSER = new MarkdownParser();

  private MarkdownParseFuzzer() {}

  public static void fuzzerTestOneInput(byte[] data) {
    PARSER.parse(new String(data, StandardCharsets.UTF_8));
  }
}
