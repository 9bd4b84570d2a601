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
import org.rhizome.app.cli.common.BodyTooLargeException;
import org.rhizome.app.cli.common.InvalidInputException;
import org.rhizome.graph.change.ValueCodec;
import picocli.CommandLine.Option;

/**
 * Where a note's Markdown body comes from: {@code --body TEXT} or {@code --body-file FILE} ({@code
 * -} = stdin). A body may be at most {@link #MAX_BODY_BYTES} of UTF-8 (documented in docs/cli.md);
 * no more than one byte past that is ever read, so a huge stdin costs no memory.
 */
final class BodyOptions {
  /** The largest body a note can have: 1 MiB of UTF-8, what one text value of a change can hold. */
  static final int MAX_BODY_BYTES = ValueCodec.MAX_STRING_BYTES;

  @Option(names = "--body", paramLabel = "TEXT", description = "The body, as Markdown.")
  private @Nullable String text;

  @Option(
      names = "--body-file",
      paramLabel = "FILE",
      description = "Read the body from FILE (UTF-8); '-' reads stdin.")
  private @Nullable String file;

  /** {@code --body TEXT} or {@code --body-file FILE}, as picocli sets them (one of the two). */
  static BodyOptions of(@Nullable String text, @Nullable String file) {
    BodyOptions options = new BodyOptions();
    options.text = text;
    options.file = file;
    return options;
  }

  /** The body text. Blocks reading the file or stdin. */
  String read(InputStream stdin) throws InvalidInputException, BodyTooLargeException {
    if (text != null) {
      int length = StandardCharsets.UTF_8.encode(text).remaining();
      if (length > MAX_BODY_BYTES) {
        throw tooLarge("--body", length + " bytes");
      }
      return text;
    }
    String source = file == null ? "-" : file;
    byte[] bytes;
    try (InputStream in = source.equals("-") ? stdin : Files.newInputStream(Path.of(source))) {
      bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw tooLarge(
            source.equals("-") ? "stdin" : source, "more than " + MAX_BODY_BYTES + " bytes");
      }
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("The body file " + source + " does not exist.", e);
    } catch (IOException | InvalidPathException e) {
      throw new InvalidInputException(
          "Cannot read the body file " + source + ": " + e.getMessage(), e);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(
          (source.equals("-") ? "stdin" : source) + " is not UTF-8 text.", e);
    }
  }

  private static BodyTooLargeException tooLarge(String source, String size) {
    return new BodyTooLargeException(
        "The body from "
            + source
            + " is too large ("
            + size
            + "): a note holds at most "
            + (MAX_BODY_BYTES >> 20)
            + " MiB of text ("
            + MAX_BODY_BYTES
            + " bytes of UTF-8). Split it into several notes;"
            + " large files belong in attachments.");
  }
}
