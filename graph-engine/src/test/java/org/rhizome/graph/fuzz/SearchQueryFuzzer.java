package org.rhizome.graph.fuzz;

import java.nio.charset.StandardCharsets;
import org.rhizome.graph.membership.WorkspaceGenesis;
import org.rhizome.graph.query.SearchQuery;

/**
 * What a person types into search, and a genesis value read from a peer's change: parsed without
 * throwing.
 */
public final class SearchQueryFuzzer {
  private SearchQueryFuzzer() {}

  public static void fuzzerTestOneInput(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    SearchQuery.parse(text);
    WorkspaceGenesis.parse(text);
  }
}
