package org.rhizome.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Where a note's Markdown body comes from: {@code --body TEXT} or {@code --body-file FILE} ({@code -} = stdin). */
final class BodyOptions {
  @Option(names = "--body", paramLabel = "TEXT", description = "The body, as Markdown.")
  private @Nullable String text;

  @Option(names = "--body-file", paramLabel = "FILE", description = "Read the body from FILE (UTF-8); '-' reads stdin.")
  private @Nullable String file;

  /** The body text. Blocks reading the file or stdin. */
  String read(InputStream stdin) throws InvalidInputException {
    if (text != null) {
      return text;
    }
    String source = file == null ? "-" : file;
    byte[] bytes;
    try {
      bytes = source.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(source));
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("The body file " + source + " does not exist.", e);
    } catch (IOException | InvalidPathException e) {
      throw new InvalidInputException("Cannot read the body file " + source + ": " + e.getMessage(), e);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException((source.equals("-") ? "stdin" : source) + " is not UTF-8 text.", e);
    }
  }
}
