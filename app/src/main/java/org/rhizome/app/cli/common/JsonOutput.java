package org.rhizome.app.cli.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The JSON that {@code --json} prints: one pretty-printed document, {@code \n} line ends on every
 * OS, fields in the order the records in {@code app.cli.NoteJson} and the commands declare them.
 * Those field names are an interface for scripts: add fields, never rename them.
 */
public final class JsonOutput {
  private static final ObjectWriter WRITER;

  static {
    DefaultPrettyPrinter pretty =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    WRITER = new ObjectMapper().writer(pretty);
  }

  private JsonOutput() {}

  /** {@code document} as JSON text (records, lists, maps, strings, numbers, booleans, null). */
  public static String write(Object document) throws JsonProcessingException {
    return WRITER.writeValueAsString(document);
  }
}
