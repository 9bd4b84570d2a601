package org.rhizome.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.LayoutBase;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** Rhizome's log lines are exactly those of the logback patterns they stand for. */
class LogLinesTest {
  private final LoggerContext context = new LoggerContext();

  @Test
  void theFileLineIsThePatternsLine() {
    LayoutBase<ILoggingEvent> ours = started(new LogLines.FileLine());
    PatternLayout pattern = pattern("%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n");
    for (ILoggingEvent event : events()) {
      assertThat(ours.doLayout(event)).isEqualTo(pattern.doLayout(event));
    }
  }

  @Test
  void theStderrLineIsThePatternsLine() {
    LayoutBase<ILoggingEvent> ours = started(new LogLines.StderrLine());
    PatternLayout pattern = pattern("rhizome: %level: %msg%n%nopex");
    for (ILoggingEvent event : events()) {
      assertThat(ours.doLayout(event)).isEqualTo(pattern.doLayout(event));
    }
  }

  @Test
  void timestampsAcrossTimeZonesAndTheirChanges() {
    TimeZone saved = TimeZone.getDefault();
    try {
      for (String zone : List.of("UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kathmandu")) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        LayoutBase<ILoggingEvent> ours = started(new LogLines.FileLine());
        PatternLayout pattern = pattern("%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n");
        Random random = new Random(zone.hashCode());
        for (int i = 0; i < 500; i++) {
          // From 1970 to 2100, and the hours around daylight-saving changes of 2026.
          long millis =
              i % 2 == 0
                  ? (long) (random.nextDouble() * 4_102_444_800_000L)
                  : 1_774_746_000_000L + random.nextInt(7_200_000) * (i % 4 == 1 ? 1L : 60L);
          LoggingEvent event = event(Level.INFO, "org.rhizome.X", "m", null);
          event.setTimeStamp(millis);
          assertThat(ours.doLayout(event))
              .as(zone + " " + millis)
              .isEqualTo(pattern.doLayout(event));
        }
      }
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  private List<ILoggingEvent> events() {
    Exception cause = new IOException("disk full");
    Exception failure = new IllegalStateException("could not write", cause);
    return List.of(
        event(
            Level.INFO, "org.rhizome.app.cli.common.CliContext", "note add: opened /d/p.db", null),
        event(Level.WARN, "org.rhizome.graph.store.GraphStore", "slow {} ms", null, 250),
        event(Level.ERROR, "org.rhizome.app.cli.ErrorReporter", "failed", failure),
        event(Level.DEBUG, "io.netty.util.internal.logging.InternalLoggerFactory", "x", null),
        event(Level.TRACE, "Short", "", null),
        event(Level.INFO, "a.very.long.package.name.that.goes.on.and.on.ClassName", "ü €", null));
  }

  private LoggingEvent event(
      Level level, String logger, String message, Throwable throwable, Object... args) {
    LoggingEvent event =
        new LoggingEvent(
            "fqcn",
            context.getLogger(logger),
            level,
            message,
            throwable,
            args.length == 0 ? null : args);
    event.setThreadName(level == Level.WARN ? "rhizome-writer-1" : "main");
    event.setTimeStamp(1_765_170_000_123L);
    return event;
  }

  private <T extends LayoutBase<ILoggingEvent>> T started(T layout) {
    layout.setContext(context);
    layout.start();
    return layout;
  }

  private PatternLayout pattern(String pattern) {
    PatternLayout layout = new PatternLayout();
    layout.setPattern(pattern);
    return started(layout);
  }
}
