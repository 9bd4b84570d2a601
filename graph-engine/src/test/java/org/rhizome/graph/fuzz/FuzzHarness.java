package org.rhizome.graph.fuzz;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the fuzz targets of a module: a target is a class with {@code public static void
 * fuzzerTestOneInput(byte[])} that feeds outside bytes to one decoder and lets only unexpected
 * exceptions (not the decoder's typed refusals) escape.
 *
 * <p>Two ways: {@link #replay} feeds every committed corpus file of the target (everything that
 * ever crashed or hung, plus seeds) through it in this JVM, as a plain test; {@link #fuzz} forks
 * Jazzer (coverage-guided, libFuzzer's engine) on the target for a bounded time, starting from a
 * copy of the corpus, and reports the executions it made or the input that failed. The corpus lives
 * in {@code src/test/resources/fuzz/<TargetSimpleName>/} of the target's module.
 */
public final class FuzzHarness {

  /**
   * Seconds per target in a fuzzing run, at most: {@code -Drhizome.fuzz.seconds=N} (the fuzz-long
   * profile sets 300).
   */
  public static final int SECONDS = Integer.getInteger("rhizome.fuzz.seconds", 30);

  /**
   * Inputs per target in a fuzzing run ({@code -Drhizome.fuzz.runs=N}; 0 for no limit, as the
   * fuzz-long profile sets). With the fixed seed a bounded count makes the build's run the same
   * sequence every time, so a finding is found here first, not at random in CI; the time limit only
   * cuts it short on a slow machine, which runs a prefix of the same sequence.
   */
  public static final int RUNS = Integer.getInteger("rhizome.fuzz.runs", 2000);

  private static final Pattern DONE = Pattern.compile("Done (\\d+) runs in (\\d+) second");

  /** libFuzzer's status lines ({@code #1234 NEW ...}), for a run that had to be killed. */
  private static final Pattern PROGRESS = Pattern.compile("(?m)^#(\\d+)\\s");

  private FuzzHarness() {}

  /** What a fuzzing run of one target did. */
  public record FuzzRun(
      String target,
      long executions,
      int seconds,
      int exitCode,
      List<Path> findings,
      String logTail) {
    public boolean clean() {
      return exitCode == 0 && findings.isEmpty();
    }
  }

  /**
   * The targets named in {@code -Drhizome.fuzz.only=A,B} (simple class names), or all of them: a
   * long run can be given to the targets that need it.
   */
  public static List<Class<?>> selected(List<Class<?>> all) {
    String only = System.getProperty("rhizome.fuzz.only", "").strip();
    if (only.isEmpty()) {
      return all;
    }
    List<String> names = List.of(only.split("\\s*,\\s*"));
    return all.stream().filter(t -> names.contains(t.getSimpleName())).toList();
  }

  /** The committed corpus folder of a target, under the module's test resources. */
  public static Path corpusOf(Class<?> target) {
    return Path.of("src", "test", "resources", "fuzz", target.getSimpleName());
  }

  /**
   * Feeds the empty input, the given seeds and every file of the target's corpus through the target
   * here.
   *
   * @return how many inputs were fed
   * @throws AssertionError naming the input whose run threw
   */
  public static int replay(Class<?> target, List<byte[]> seeds) throws IOException {
    Method entry = entryOf(target);
    List<Object[]> inputs = new ArrayList<>();
    inputs.add(new Object[] {"the empty input", new byte[0]});
    for (byte[] seed : seeds) {
      inputs.add(new Object[] {"seed " + inputs.size(), seed});
    }
    Path corpus = corpusOf(target);
    if (Files.isDirectory(corpus)) {
      try (Stream<Path> files = Files.list(corpus)) {
        for (Path f : files.sorted().toList()) {
          inputs.add(new Object[] {f.toString(), Files.readAllBytes(f)});
        }
      }
    }
    for (Object[] input : inputs) {
      try {
        entry.invoke(null, (Object) input[1]);
      } catch (InvocationTargetException e) {
        throw new AssertionError(target.getSimpleName() + " failed on " + input[0], e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    return inputs.size();
  }

  /**
   * Forks Jazzer on the target for {@code seconds}, starting from the seeds and a copy of its
   * corpus (new inputs go to the copy, never into the sources), with a fixed seed.
   */
  public static FuzzRun fuzz(Class<?> target, int seconds, Path work, List<byte[]> seeds)
      throws IOException, InterruptedException {
    entryOf(target);
    Path corpus = Files.createDirectories(work.resolve("corpus"));
    Path findings = Files.createDirectories(work.resolve("findings"));
    for (int i = 0; i < seeds.size(); i++) {
      Files.write(corpus.resolve("seed-" + i), seeds.get(i));
    }
    Path committed = corpusOf(target);
    if (Files.isDirectory(committed)) {
      try (Stream<Path> files = Files.list(committed)) {
        for (Path f : files.toList()) {
          Files.copy(f, corpus.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        List.of(
            java.toString(),
            "-Xmx1g",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            "com.code_intelligence.jazzer.Jazzer",
            "--target_class=" + target.getName(),
            "--instrumentation_includes=org.rhizome.**",
            "--reproducer_path=" + findings,
            "-artifact_prefix=" + findings + "/",
            "-max_total_time=" + seconds,
            "-runs=" + (RUNS > 0 ? RUNS : -1),
            "-seed=20261207",
            "-timeout=" + Integer.getInteger("rhizome.fuzz.timeout", 60),
            "-rss_limit_mb=2560",
            "-max_len=" + Integer.getInteger("rhizome.fuzz.maxlen", 8192),
            corpus.toString());
    Path log = work.resolve("jazzer.log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    // libFuzzer checks its time limit only between inputs (one may take -timeout), and a niced run
    // on a busy machine is starved: loading and instrumenting Flexmark and SnakeYAML took over
    // three
    // minutes at load 23 before the first input ran. Only a run stuck far past that is killed.
    long guard = seconds * 2L + 600;
    boolean stopped = p.waitFor(guard, TimeUnit.SECONDS);
    if (!stopped) {
      p.destroyForcibly().waitFor();
    }
    String text = Files.readString(log, StandardCharsets.UTF_8);
    long runs = 0;
    Matcher m = (stopped ? DONE : PROGRESS).matcher(text);
    while (m.find()) {
      runs = Long.parseLong(m.group(1));
    }
    List<Path> found;
    try (Stream<Path> files = Files.list(findings)) {
      found =
          files
              .filter(
                  f -> {
                    String n = f.getFileName().toString();
                    return n.startsWith("crash-")
                        || n.startsWith("timeout-")
                        || n.startsWith("oom-")
                        || n.startsWith("leak-");
                  })
              .sorted()
              .toList();
    }
    String tail = text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    if (!stopped) {
      tail = "Jazzer did not stop within " + guard + " s (killed); the log ends:\n" + tail;
    }
    FuzzRun run =
        new FuzzRun(
            target.getSimpleName(), runs, seconds, stopped ? p.exitValue() : -1, found, tail);
    if (!run.clean()) {
      keep(run, log, found);
    }
    return run;
  }

  /**
   * Copies a failed run's findings and log to {@code target/fuzz-findings/<Target>/}, which
   * outlives the test's temporary folder: fix the bug, then move the input into the corpus.
   */
  private static void keep(FuzzRun run, Path log, List<Path> found) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "fuzz-findings", run.target()));
    Files.copy(log, dir.resolve("jazzer.log"), StandardCopyOption.REPLACE_EXISTING);
    for (Path f : found) {
      Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The target's own seeds: its {@code public static List<byte[]> seeds()}, if it has one. */
  @SuppressWarnings("unchecked")
  public static List<byte[]> seedsOf(Class<?> target) {
    try {
      return (List<byte[]>) target.getMethod("seeds").invoke(null);
    } catch (NoSuchMethodException e) {
      return List.of();
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("seeds of " + target.getSimpleName(), e);
    }
  }

  private static Method entryOf(Class<?> target) {
    try {
      return target.getMethod("fuzzerTestOneInput", byte[].class);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          target + " has no public static fuzzerTestOneInput(byte[])", e);
    }
  }
}
