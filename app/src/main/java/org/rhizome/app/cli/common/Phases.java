package org.rhizome.app.cli.common;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where the time of one CLI process goes: with {@code RHIZOME_PHASES=1} in the environment, each
 * {@link #mark} prints {@code rhizome-phase NAME MS CPU_MS THREAD_CPU_MS} on stderr: milliseconds
 * since the JVM started (so the first mark shows the JVM's own start), the process's CPU time so
 * far (all threads, which a busy machine inflates far less than the wall-clock time; in 10 ms
 * ticks) and the calling thread's own CPU time (to the microsecond, from {@code
 * /proc/thread-self/schedstat}: without the JIT compiler's and the collector's threads, and fine
 * enough to time a phase of a few milliseconds; -1 where there is none). {@code rhizome bench cli
 * --phases} reads these lines. Off, a mark costs one boolean test and loads nothing. On Linux both
 * come from {@code /proc} (the management beans cost a hundred classes and tens of milliseconds,
 * which the first mark would otherwise count as the JVM's start).
 */
public final class Phases {
  private static final boolean ON = "1".equals(System.getenv("RHIZOME_PHASES"));
  private static final Path STAT = Path.of("/proc/self/stat");
  private static final Path UPTIME = Path.of("/proc/uptime");
  private static final Path THREAD_SCHEDSTAT = Path.of("/proc/thread-self/schedstat");

  /** Linux's clock tick for {@code /proc} times (USER_HZ, 100 on every Linux we run on). */
  private static final long TICK_MS = 10;

  private Phases() {}

  public static void mark(String phase) {
    if (ON) {
      long[] sinceCpu = fromProc();
      if (sinceCpu == null) {
        sinceCpu = fromManagement();
      }
      System.err.println(
          "rhizome-phase " + phase + " " + sinceCpu[0] + " " + sinceCpu[1] + " " + threadCpuMs());
      System.err.flush();
    }
  }

  /** {ms since the process started, CPU ms} from /proc, in clock ticks; null elsewhere. */
  private static long @Nullable [] fromProc() {
    try {
      String stat = Files.readString(STAT);
      String uptime = Files.readString(UPTIME);
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long cpuTicks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
      long startTicks = Long.parseLong(f[19]); // starttime, since boot
      double upSeconds = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
      return new long[] {Math.round(upSeconds * 1000) - startTicks * TICK_MS, cpuTicks * TICK_MS};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * This thread's CPU time in ms with three decimals (schedstat's first field is ns); -1 if none.
   */
  private static String threadCpuMs() {
    try {
      String schedstat = Files.readString(THREAD_SCHEDSTAT);
      long ns = Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
      long us = ns / 1000;
      String fraction = String.valueOf(1000 + us % 1000).substring(1); // no Formatter: its classes
      return us / 1000 + "." + fraction; // would count in the first mark
    } catch (IOException | RuntimeException e) {
      return "-1";
    }
  }

  private static long[] fromManagement() {
    long since = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    long cpu =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    return new long[] {since, cpu / 1_000_000};
  }
}
