package org.rhizome.ui.repair;

import java.nio.file.Path;
import java.util.Locale;
import org.rhizome.graph.repair.CheckReport;
import org.rhizome.graph.repair.RepairReport;

/**
 * What the repair dialog says, worded as {@code rhizome check} and {@code rhizome repair} say it
 * (app's CheckCommand and RepairCommand), so the window and the terminal tell one story.
 */
final class RepairTexts {
  static final String EXPLAIN =
      "Check reads the whole file without changing it (as `rhizome check`). Repair rebuilds"
          + " it from every change of its log that can still be read into a new file, which takes its place; the damaged"
          + " file is kept beside it (as `rhizome repair`). Writes to a damaged file are refused until it is repaired.";

  private RepairTexts() {}

  static String name(Path file) {
    return file.getFileName().toString().replaceFirst("\\.db$", "");
  }

  static String header(Path file, boolean opens) {
    return opens
        ? "The workspace “" + name(file) + "” was found damaged"
        : "The workspace “" + name(file) + "” cannot be opened";
  }

  static String repairedHeader(Path file) {
    return "The workspace “" + name(file) + "” was repaired";
  }

  /**
   * What is wrong, for the dialog: the failure without the advice on commands the CLI adds (the
   * dialog's buttons are that advice), e.g. "… is damaged ([SQLITE_CORRUPT] …)" and when it was
   * found.
   */
  static String problem(String failure) {
    String s = failure;
    for (String advice :
        new String[] {
          " Writes to it are refused",
          ", so nothing is written to it",
          " Run `rhizome check`",
          "; `rhizome check`"
        }) {
      int at = s.indexOf(advice);
      if (at > 0) {
        s = s.substring(0, at);
      }
    }
    s = s.strip();
    return s.endsWith(".") || s.endsWith(")") ? s : s + ".";
  }

  /** The damage marker's record ("INSTANT reason") as a sentence: when it was found, and what. */
  static String marked(String recorded) {
    int space = recorded.indexOf(' ');
    String when = space > 0 ? recorded.substring(0, space) : "";
    String what = space > 0 ? recorded.substring(space + 1) : recorded;
    try {
      when =
          java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
              .format(java.time.Instant.parse(when).atZone(java.time.ZoneId.systemDefault()));
      return "It was found damaged on " + when + ", " + problem(what);
    } catch (java.time.DateTimeException e) {
      return "It was found damaged: " + problem(recorded);
    }
  }

  static String check(CheckReport r) {
    StringBuilder sb = new StringBuilder();
    if (r.ok()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%s is intact: integrity ok, %d changes with good hashes and signatures,"
                  + " the stored texts match their checksums, state = replay of the log (%.1f s).",
              r.file(),
              r.changes(),
              r.millis() / 1000.0));
      return sb.toString();
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%s is damaged: %d problems (integrity: %s; %d intact changes, %d unreadable"
                + " rows, %d bad changes; %s; state %s the log).",
            r.file(),
            r.problems().size(),
            r.integrity(),
            r.changes(),
            r.unreadableRows(),
            r.badChanges(),
            r.damagedTexts()
                + (r.damagedTexts() == 1 ? " stored text fails its" : " stored texts fail their")
                + " checksum",
            r.stateMatchesLog() ? "matches" : "does not match"));
    for (String p : r.problems()) {
      sb.append("\n  ").append(p);
    }
    sb.append(
        "\nWrites to it are refused. Repair rebuilds it from what can be read (the damaged file is kept beside it).");
    return sb.toString();
  }

  static String repair(RepairReport r) {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Repaired %s in %.1f s: %d changes kept, %d lost;"
                    + " %d notes; %d attachments kept, %d lost; %d settings kept.",
                r.file(),
                r.millis() / 1000.0,
                r.changesKept(),
                r.changesLost(),
                r.notes(),
                r.blobsKept(),
                r.blobsLost(),
                r.settingsKept()));
    sb.append("\nThe damaged file is kept as ").append(r.kept()).append('.');
    for (String p : r.problems()) {
      sb.append("\n  ").append(p);
    }
    if (r.changesLost() > 0) {
      sb.append("\nLost changes may still be on a peer: sync with it to get them back.");
    }
    return sb.toString();
  }
}
