package org.rhizome.app.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.rhizome.graph.text.Splice;

/**
 * An editing trace in the public editing-traces JSON format (josephg/editing-traces), gzip or
 * plain: {@code startContent}, {@code endContent}, {@code txns[].patches[] = [pos, delCount,
 * insStr]} with positions in code points, and for concurrent traces {@code txns[].parents} and
 * {@code agent}.
 */
record TraceFile(
    String startContent, String endContent, List<Txn> txns, boolean concurrent, int agents) {

  /** One transaction: the txns it follows (indices of earlier txns), its agent and its patches. */
  record Txn(int[] parents, int agent, List<Splice> patches) {}

  int edits() {
    int n = 0;
    for (Txn t : txns) {
      n += t.patches().size();
    }
    return n;
  }

  static TraceFile read(Path file) throws IOException {
    JsonNode root;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      raw.mark(2);
      int b0 = raw.read();
      int b1 = raw.read();
      raw.reset();
      InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
      root = new ObjectMapper().readTree(in);
    }
    JsonNode txnsNode = root.path("txns");
    if (!txnsNode.isArray() || !root.path("endContent").isTextual()) {
      throw new IOException(file + ": not an editing trace (needs txns[] and endContent)");
    }
    List<Txn> txns = new ArrayList<>(txnsNode.size());
    boolean concurrent = false;
    int agents = 1;
    for (int i = 0; i < txnsNode.size(); i++) {
      JsonNode t = txnsNode.get(i);
      int[] parents;
      if (t.has("parents")) {
        concurrent = true;
        JsonNode p = t.get("parents");
        parents = new int[p.size()];
        for (int k = 0; k < parents.length; k++) {
          parents[k] = p.get(k).asInt();
          if (parents[k] < 0 || parents[k] >= i) {
            throw new IOException("txn " + i + ": parent " + parents[k] + " is not an earlier txn");
          }
        }
      } else {
        parents = i == 0 ? new int[0] : new int[] {i - 1};
      }
      int agent = t.path("agent").asInt(0);
      if (agent < 0 || agent > 1000) {
        throw new IOException("txn " + i + ": agent " + agent + " out of range");
      }
      agents = Math.max(agents, agent + 1);
      JsonNode patches = t.path("patches");
      List<Splice> splices = new ArrayList<>(patches.size());
      for (JsonNode p : patches) {
        splices.add(new Splice(p.get(0).asInt(), p.get(1).asInt(), p.get(2).asText()));
      }
      txns.add(new Txn(parents, agent, splices));
    }
    return new TraceFile(
        root.path("startContent").asText(""),
        root.get("endContent").asText(),
        txns,
        concurrent,
        agents);
  }
}
