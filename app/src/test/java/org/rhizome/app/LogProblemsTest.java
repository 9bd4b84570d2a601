package org.rhizome.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.status.ErrorStatus;
import ch.qos.logback.core.status.InfoStatus;
import ch.qos.logback.core.status.WarnStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logback's own problems reach stderr as one line each; its chatter does not. */
class LogProblemsTest {
  @Test
  void warningsAndErrorsAreOneLineEach() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LogProblems problems = new LogProblems(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    problems.addStatusEvent(new InfoStatus("set up", this));
    problems.addStatusEvent(new WarnStatus("odd setting", this));
    problems.addStatusEvent(new ErrorStatus("cannot open", this, new IOException("denied")));
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "rhizome: logging: odd setting"
                + System.lineSeparator()
                + "rhizome: logging: cannot open (java.io.IOException: denied)"
                + System.lineSeparator());
  }

  @Test
  void aLogFileThatCannotBeOpenedIsSaid(@TempDir Path dir) throws IOException {
    Path notAFolder = dir.resolve("file");
    Files.writeString(notAFolder, "x");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LoggerContext context = new LoggerContext();
    context
        .getStatusManager()
        .add(new LogProblems(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
    RollingFileAppender<ch.qos.logback.classic.spi.ILoggingEvent> file =
        new RollingFileAppender<>();
    file.setContext(context);
    file.setFile(notAFolder.resolve("rhizome.log").toString());
    file.setEncoder(LogLines.fileEncoder(context));
    var policy = new ch.qos.logback.core.rolling.FixedWindowRollingPolicy();
    policy.setContext(context);
    policy.setParent(file);
    policy.setFileNamePattern(notAFolder.resolve("rhizome.%i.log").toString());
    policy.start();
    file.setRollingPolicy(policy);
    var trigger =
        new ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy<
            ch.qos.logback.classic.spi.ILoggingEvent>();
    trigger.setContext(context);
    trigger.start();
    file.setTriggeringPolicy(trigger);
    file.start();
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .startsWith("rhizome: logging: ")
        .contains(notAFolder.toString());
  }
}
