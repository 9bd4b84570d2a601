package org.rhizome.app;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.TimeZone;

/**
 * The two lines Rhizome logs, written directly instead of through logback's {@code PatternLayout}:
 * the log file's {@code %d{ISO8601} %-5level [%thread] %logger{36} - %msg%n} (with the stack trace
 * of an exception after it, as PatternLayout adds) and stderr's {@code rhizome: %level:
 * %msg%n%nopex}. PatternLayout's class set-up alone (a lambda for each of its ~60 converters, spun
 * anew in every process) and its date converter's java.time formatter were over a third of a short
 * command's logging start. {@code LogLinesTest} compares both with PatternLayout's output.
 */
final class LogLines {
  private LogLines() {}

  /** An encoder of the log file's lines. */
  static LayoutWrappingEncoder<ILoggingEvent> fileEncoder(Context context) {
    return encoder(context, new FileLine());
  }

  /** An encoder of stderr's one-line warnings. */
  static LayoutWrappingEncoder<ILoggingEvent> stderrEncoder(Context context) {
    return encoder(context, new StderrLine());
  }

  private static LayoutWrappingEncoder<ILoggingEvent> encoder(
      Context context, LayoutBase<ILoggingEvent> layout) {
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    return encoder;
  }

  /** {@code %d{ISO8601} %-5level [%thread] %logger{36} - %msg%n}, then the exception if any. */
  static final class FileLine extends LayoutBase<ILoggingEvent> {
    private final TargetLengthBasedClassNameAbbreviator abbreviator =
        new TargetLengthBasedClassNameAbbreviator(36);
    private ThrowableProxyConverter throwables; // made for the first event with an exception

    @Override
    public synchronized String doLayout(ILoggingEvent event) {
      StringBuilder line = new StringBuilder(128);
      appendTimestamp(line, event.getTimeStamp());
      String level = event.getLevel().toString();
      line.append(' ').append(level);
      for (int i = level.length(); i < 5; i++) {
        line.append(' ');
      }
      line.append(" [").append(event.getThreadName()).append("] ");
      line.append(abbreviator.abbreviate(event.getLoggerName()));
      line.append(" - ").append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
      if (event.getThrowableProxy() != null) {
        if (throwables == null) {
          throwables = new ThrowableProxyConverter();
          throwables.setContext(getContext());
          throwables.start();
        }
        line.append(throwables.convert(event));
      }
      return line.toString();
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss,SSS} in the default time zone, as logback's ISO8601 date. The
     * zone's offset comes from {@link TimeZone}, which SQLite's driver loads anyway, rather than
     * java.time's zone rules and formatter.
     */
    static void appendTimestamp(StringBuilder line, long millis) {
      int offset = TimeZone.getDefault().getOffset(millis) / 1000;
      LocalDateTime t =
          LocalDateTime.ofEpochSecond(
              Math.floorDiv(millis, 1000L),
              (int) Math.floorMod(millis, 1000L) * 1_000_000,
              ZoneOffset.ofTotalSeconds(offset));
      pad(line, t.getYear(), 4).append('-');
      pad(line, t.getMonthValue(), 2).append('-');
      pad(line, t.getDayOfMonth(), 2).append(' ');
      pad(line, t.getHour(), 2).append(':');
      pad(line, t.getMinute(), 2).append(':');
      pad(line, t.getSecond(), 2).append(',');
      pad(line, t.getNano() / 1_000_000, 3);
    }

    private static StringBuilder pad(StringBuilder line, int value, int width) {
      String digits = Integer.toString(value);
      for (int i = digits.length(); i < width; i++) {
        line.append('0');
      }
      return line.append(digits);
    }
  }

  /** {@code rhizome: %level: %msg%n%nopex}: one line, never a stack trace. */
  static final class StderrLine extends LayoutBase<ILoggingEvent> {
    @Override
    public String doLayout(ILoggingEvent event) {
      return "rhizome: "
          + event.getLevel()
          + ": "
          + event.getFormattedMessage()
          + CoreConstants.LINE_SEPARATOR;
    }
  }
}
