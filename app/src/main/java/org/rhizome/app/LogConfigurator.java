package org.rhizome.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.boolex.OnMarkerEvaluator;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.filter.EvaluatorFilter;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.util.FileSize;
import org.rhizome.app.data.Logging;
import org.slf4j.Logger;

/**
 * Sets up {@code logback.xml}'s configuration in code (found by logback as a service). Reading the
 * XML took logback's XML parser and its configuration model, some 600 classes and about a third of
 * a second of CPU in every CLI process; this builds the same appenders directly, their lines
 * written by {@link LogLines} rather than logback's PatternLayout (whose set-up was a third of what
 * remained). Keep the two alike: logback.xml is still what {@link Logging} reloads when the log
 * moves to another directory, and what applies when {@code logback.configurationFile} names another
 * file (then this steps aside, as it does for a {@code logback-test.xml} on the class path).
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {
  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || LogConfigurator.class.getResource("/logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    // Logback prints its own status (every line of it, on stdout) after configuring only when no
    // status listener is registered, and readies a java.time formatter for that in every process.
    // This one says logback's own warnings and errors on stderr instead, one line each.
    context.getStatusManager().add(new LogProblems(System.err));
    String logs =
        System.getProperty(
            Logging.LOGS_DIR_PROPERTY, System.getProperty("java.io.tmpdir") + "/rhizome-logs");

    RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
    file.setContext(context);
    file.setName("FILE");
    file.setFile(logs + "/rhizome.log");
    FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
    rolling.setContext(context);
    rolling.setParent(file);
    rolling.setFileNamePattern(logs + "/rhizome.%i.log");
    rolling.setMinIndex(1);
    rolling.setMaxIndex(3);
    rolling.start();
    SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
    trigger.setContext(context);
    trigger.setMaxFileSize(FileSize.valueOf("10MB"));
    trigger.start();
    file.setRollingPolicy(rolling);
    file.setTriggeringPolicy(trigger);
    file.setEncoder(LogLines.fileEncoder(context)); // %d{ISO8601} %-5level [%thread] %logger{36}
    // - %msg%n
    file.start();

    // Rhizome's own warnings also go to stderr, one line each, except those the CLI already
    // printed.
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    ThresholdFilter warnings = new ThresholdFilter();
    warnings.setLevel("WARN");
    warnings.start();
    stderr.addFilter(warnings);
    OnMarkerEvaluator shown = new OnMarkerEvaluator();
    shown.setContext(context);
    shown.addMarker(Logging.SHOWN_TO_USER);
    shown.start();
    EvaluatorFilter<ILoggingEvent> notShown = new EvaluatorFilter<>();
    notShown.setContext(context);
    notShown.setEvaluator(shown);
    notShown.setOnMatch(FilterReply.DENY);
    notShown.setOnMismatch(FilterReply.NEUTRAL);
    notShown.start();
    stderr.addFilter(notShown);
    stderr.setEncoder(LogLines.stderrEncoder(context)); // rhizome: %level: %msg%n%nopex
    stderr.start();

    context.getLogger("org.rhizome").addAppender(stderr);
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(file);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
