package org.rhizome.app.cli.p2p;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.Map;

/** One compact JSON object per line, flushed at once so scripts can follow along. Thread-safe. */
final class JsonLines {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final PrintWriter out;

  JsonLines(PrintWriter out) {
    this.out = out;
  }

  synchronized void print(Map<String, ?> event) {
    try {
      out.print(JSON.writeValueAsString(event));
      out.print('\n');
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
