package org.rhizome.app.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  @Test
  void onATerminalItDrawsCountsAndARateAndEndsItsLine() {
    StringWriter err = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(err), true);
    bar.update("notes", 0, 10);
    bar.update("notes", 10, 10);
    bar.finish();
    assertThat(err.toString())
        .startsWith("\r[")
        .contains("] notes")
        .contains("10/10")
        .contains("/s")
        .endsWith("\n")
        .contains("[" + "#".repeat(30) + "]");
  }

  @Test
  void withNoTotalItCountsWithARate() {
    StringWriter err = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(err), true);
    bar.count("changes", 1200);
    bar.finish();
    assertThat(err.toString())
        .startsWith("\rchanges")
        .contains(" 1200 ")
        .contains("/s")
        .endsWith("\n");
  }

  @Test
  void offATerminalItPrintsNothing() {
    StringWriter err = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(err), false);
    bar.update("notes", 0, 10);
    bar.update("notes", 10, 10);
    bar.count("changes", 5);
    bar.finish();
    assertThat(err.toString()).isEmpty();
  }
}
