package org.rhizome.app.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module table of the README, on the compiled classes of every module (app's test classpath
 * holds them all): graph-engine uses no other module of ours, sync the engine, ui the engine and
 * sync, app all of them; nothing uses app.
 */
class ModuleTableTest {
  private static final JavaClasses ALL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.rhizome");

  @Test
  void everyModuleIsImported() {
    // An empty import would pass the rule below.
    for (String p :
        new String[] {
          "org.rhizome.graph", "org.rhizome.sync", "org.rhizome.ui.shell", "org.rhizome.app"
        }) {
      assertThat(ALL.containPackage(p)).as(p).isTrue();
    }
  }

  @Test
  void modulesDependOnlyDownTheTable() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("graph-engine")
        .definedBy("org.rhizome.graph..")
        .layer("sync")
        .definedBy("org.rhizome.sync..")
        .layer("ui")
        .definedBy("org.rhizome.ui..")
        .layer("app")
        .definedBy("org.rhizome.app..")
        .whereLayer("app")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("ui")
        .mayOnlyBeAccessedByLayers("app")
        .whereLayer("sync")
        .mayOnlyBeAccessedByLayers("ui", "app")
        .whereLayer("graph-engine")
        .mayOnlyBeAccessedByLayers("sync", "ui", "app")
        .check(ALL);
  }
}
