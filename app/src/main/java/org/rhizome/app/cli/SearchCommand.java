package org.rhizome.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.query.SearchHit;
import org.rhizome.graph.query.Snippet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rhizome search QUERY [--limit N]}: full-text search over titles and bodies, best first.
 */
@Command(
    name = "search",
    description = {
      "Search titles and bodies, best match first.",
      "QUERY: words (all must match), wor* (a prefix), \"a phrase\", a OR b, -word (not),",
      "  title:word (in titles), tag:name (tagged name or name/...)."
    })
final class SearchCommand implements Callable<Integer> {
  private static final String BOLD = "\u001B[1m";
  private static final String NORMAL = "\u001B[22m";

  @Mixin private CliContext cli;

  @Parameters(
      arity = "1..*",
      paramLabel = "QUERY",
      description = "The query; several words are joined by spaces.")
  private List<String> words;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "At most N results (default: ${DEFAULT-VALUE}).")
  private int limit = 20;

  record Highlight(int start, int end) {}

  record Hit(String id, String title, double score, String snippet, List<Highlight> highlights) {}

  record Results(String query, List<Hit> hits) {}

  @Override
  public Integer call() throws Exception {
    cli.requirePositive("--limit", limit);
    String query = String.join(" ", words);
    List<SearchHit> hits;
    try (Workspace workspace = cli.openWorkspace()) {
      hits = workspace.search(query, limit);
    }
    if (cli.isJson()) {
      cli.printJson(new Results(query, hits.stream().map(SearchCommand::hit).toList()));
      return ExitCodes.OK;
    }
    if (hits.isEmpty()) {
      cli.out().println("No notes match.");
    }
    for (SearchHit hit : hits) {
      cli.out().println(hit.note().title() + "  (" + hit.note().soul() + ")");
      Snippet snippet = hit.snippet();
      String text = cli.isTerminal() ? snippet.marked(BOLD, NORMAL) : snippet.text();
      if (!text.isBlank()) {
        cli.out().println("    " + text.replaceAll("\\s*\\R\\s*", " "));
      }
    }
    return ExitCodes.OK;
  }

  private static Hit hit(SearchHit hit) {
    Snippet s = hit.snippet();
    return new Hit(
        hit.note().soul().value(),
        hit.note().title(),
        hit.score(),
        s.text(),
        s.highlights().stream().map(h -> new Highlight(h.start(), h.end())).toList());
  }
}
