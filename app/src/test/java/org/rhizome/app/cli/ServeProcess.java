package org.rhizome.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.rhizome.app.Main;
import org.rhizome.app.cli.sync.ServeStatus;
import org.rhizome.app.cli.sync.ServeStatusFile;
import org.rhizome.app.data.DataDirectory;

/**
 * A real {@code rhizome serve} in its own JVM (optionally inside a network namespace); stopped with
 * SIGTERM.
 */
final class ServeProcess implements AutoCloseable {
  /** A JVM ended by SIGTERM exits 128 + 15 even when its shutdown hooks finish cleanly. */
  static final int STOPPED_BY_SIGTERM = 143;

  private final Process process;
  private final DataDirectory data;
  private final String workspace;
  private final Path stderr;

  private ServeProcess(Process process, DataDirectory data, String workspace, Path stderr) {
    this.process = process;
    this.data = data;
    this.workspace = workspace;
    this.stderr = stderr;
  }

  /**
   * Starts {@code [prefix…] java -cp … Main --data DIR serve --workspace W args…} and waits for its
   * status file.
   */
  static ServeProcess start(List<String> prefix, Path dir, String workspace, String... args)
      throws Exception {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "--data",
            dir.toString(),
            "serve",
            "--workspace",
            workspace));
    cmd.addAll(List.of(args));
    Path stderr = Files.createTempFile(dir.getParent(), "serve-" + dir.getFileName() + "-", ".err");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(stderr.toFile())
            .start();
    ServeProcess serve = new ServeProcess(p, new DataDirectory(dir), workspace, stderr);
    try {
      serve.awaitStatus(Duration.ofSeconds(30));
    } catch (AssertionError | Exception e) {
      serve.close();
      throw e;
    }
    return serve;
  }

  /** The status file of this serve, once it is written. */
  ServeStatus awaitStatus(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("serve exited with " + process.exitValue() + ":\n" + log());
      }
      Optional<ServeStatus> s = status();
      if (s.isPresent() && s.get().pid() == process.pid()) {
        return s.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve wrote no status within " + timeout + ":\n" + log());
  }

  Optional<ServeStatus> status() throws IOException {
    return ServeStatusFile.readLive(data, workspace);
  }

  String log() {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** SIGTERM, then waits for a clean exit; returns the exit code. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
      throw new AssertionError("serve did not stop within 15 s of SIGTERM:\n" + log());
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
