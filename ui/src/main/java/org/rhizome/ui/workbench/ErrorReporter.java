package org.rhizome.ui.workbench;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the UI's failures go: the details (stack trace) to the log, once, and a short plain
 * sentence to the person, shown by whoever listens (the status bar). Thread-safe: the message is
 * delivered on the FX thread.
 */
public final class ErrorReporter {
  private static final Logger log = LoggerFactory.getLogger(ErrorReporter.class);
  private volatile Consumer<String> display = message -> {};
  private volatile Function<Throwable, Optional<String>> explainer = t -> Optional.empty();

  /** Sets what shows messages (FX thread). */
  public void showWith(Consumer<String> display) {
    this.display = display;
  }

  /**
   * Sets what words failures that need more than their own message (a damaged workspace file: what
   * to do about it), before the rule of {@link #reasonOf}.
   */
  public void explainWith(Function<Throwable, Optional<String>> explainer) {
    this.explainer = explainer;
  }

  /**
   * Logs {@code details} and shows {@code plainMessage} plus the failure's own message when it has
   * a plain one.
   */
  public void report(String plainMessage, Throwable details) {
    log.error("{}", plainMessage, details);
    String reason = explainer.apply(details).orElseGet(() -> reasonOf(details));
    String shown =
        reason.isEmpty()
            ? plainMessage + " (details are in the log)."
            : plainMessage + ": " + reason;
    if (Platform.isFxApplicationThread()) {
      display.accept(shown);
    } else {
      Platform.runLater(() -> display.accept(shown));
    }
  }

  /**
   * A typed failure from the engine carries a sentence meant for people; a programming error does
   * not.
   */
  static String reasonOf(Throwable t) {
    if (t instanceof RuntimeException && !(t instanceof IllegalArgumentException)) {
      return "";
    }
    String m = t.getMessage();
    return m == null || m.isBlank() || m.length() > 200 ? "" : m;
  }
}
