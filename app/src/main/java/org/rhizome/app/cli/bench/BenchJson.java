package org.rhizome.app.cli.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How every {@code rhizome bench} command prints its figures: one indented JSON document on stdout.
 */
final class BenchJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BenchJson() {}

  static void print(CommandSpec spec, Object figures) throws JsonProcessingException {
    spec.commandLine().getOut().println(JSON.writeValueAsString(figures));
    spec.commandLine().getOut().flush();
  }
}
