package org.rhizome.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module rules of the README ("How it is built") and STYLE, checked on the sources: which
 * packages each module's main code may import. Maven already keeps a module from using what it does
 * not depend on; this catches what dependencies let through (the JDK's java.sql in the UI, an
 * engine internal used from outside).
 */
class ModuleBoundariesTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void graphEngineKnowsNoNetworkNoUiAndNoOtherModule() {
    assertThat(
            importsMatching(
                "graph-engine",
                "javafx.",
                "io.netty.",
                "org.rhizome.sync",
                "org.rhizome.ui",
                "org.rhizome.app"))
        .isEmpty();
  }

  @Test
  void syncKnowsNoUiNoAppAndNoEngineStorage() {
    assertThat(importsMatching("sync", "javafx.", "org.rhizome.ui", "org.rhizome.app", "java.sql."))
        .isEmpty();
  }

  @Test
  void uiUsesNoSqlAndNoNettyChannels() {
    assertThat(importsMatching("ui", "java.sql.", "io.netty.", "org.rhizome.app")).isEmpty();
  }

  @Test
  void outsideTheEngineNobodyWritesToTheStoreDirectly() {
    List<String> offenders = new ArrayList<>();
    for (String module : List.of("sync", "ui", "app")) {
      offenders.addAll(
          importsMatching(
              module,
              "org.rhizome.graph.store.WriteTxn",
              "org.rhizome.graph.store.GraphStore",
              "org.rhizome.graph.store.FieldTable",
              "org.rhizome.graph.store.Database"));
    }
    assertThat(offenders).isEmpty();
  }

  /**
   * "file: import" for every import in the module's main sources that starts with a forbidden
   * prefix.
   */
  static List<String> importsMatching(String module, String... forbidden) {
    Path src = ROOT.resolve(module).resolve("src/main/java");
    assertThat(src).as("sources of " + module).isDirectory();
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        for (String line : Files.readAllLines(f)) {
          String t = line.strip();
          if (!t.startsWith("import ")) {
            continue;
          }
          String imported = t.substring(7).replace("static ", "").replace(";", "").strip();
          for (String prefix : forbidden) {
            if (imported.startsWith(prefix)) {
              hits.add(ROOT.relativize(f) + ": " + imported);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hits;
  }
}
