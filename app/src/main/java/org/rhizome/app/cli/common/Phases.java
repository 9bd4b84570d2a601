package org.rhizome.app.cli.common;

import java.lang.management.ManagementFactory;

/**
 * Where the time of one CLI process goes: with {@code RHIZOME_PHASES=1} in the environment, each
 * {@link #mark} prints {@code rhizome-phase NAME MS CPU_MS} on stderr: milliseconds since the JVM
 * started (so the first mark shows the JVM's own start) and the process's CPU time so far (all
 * threads, which a busy machine inflates far less than the wall-clock time). {@code rhizome bench
 * cli --phases} reads these lines. Off, a mark costs one boolean test and loads nothing.
 */
public final class Phases {
  private static final boolean ON = "1".equals(System.getenv("RHIZOME_PHASES"));

  private Phases() {}

  public static void mark(String phase) {
    if (ON) {
      long since = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
      long cpu =
          ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
              .getProcessCpuTime();
      System.err.println("rhizome-phase " + phase + " " + since + " " + cpu / 1_000_000);
      System.err.flush();
    }
  }
}
