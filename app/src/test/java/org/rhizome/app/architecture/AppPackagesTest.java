package org.rhizome.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * app's package rules (docs/architecture.md), on the compiled classes: no package cycle (the root
 * package, which holds {@code Main}, counted as one); the command packages share their plumbing
 * through {@code app.cli.common}, which uses no command; the benchmarks ({@code app.cli.bench},
 * {@code app.cli.p2p}) a corner that only the command registration reaches.
 */
class AppPackagesTest {
  private static final String BENCH = "org.rhizome.app.cli.bench..";
  private static final String P2P = "org.rhizome.app.cli.p2p..";

  /**
   * Lists the subcommands, the benches' among them; the one class outside the corner to name it.
   */
  private static final String REGISTRATION = "org.rhizome.app.cli.RhizomeCommand";

  private static final JavaClasses APP =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.rhizome.app");

  /** Every package of app is a slice of its own, the root package included. */
  private static final SliceAssignment EVERY_PACKAGE =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
          String p = c.getPackageName();
          return p.equals("org.rhizome.app") || p.startsWith("org.rhizome.app.")
              ? SliceIdentifier.of(p)
              : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
          return "app's packages, its root package included";
        }
      };

  @Test
  void thePackagesRuledOnAreThere() {
    // A rule over packages that were renamed away would pass on nothing.
    for (String p :
        new String[] {
          "org.rhizome.app",
          "org.rhizome.app.cli",
          "org.rhizome.app.cli.common",
          "org.rhizome.app.cli.sync",
          "org.rhizome.app.cli.bench",
          "org.rhizome.app.cli.p2p",
          "org.rhizome.app.data",
          "org.rhizome.app.gui",
          "org.rhizome.app.sync"
        }) {
      assertThat(APP.containPackage(p)).as(p).isTrue();
    }
    assertThat(APP.contain(REGISTRATION)).isTrue();
  }

  @Test
  void noPackageCycles() {
    slices().assignedFrom(EVERY_PACKAGE).should().beFreeOfCycles().check(APP);
  }

  @Test
  void nothingUsesTheRootPackage() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.rhizome.app")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.rhizome.app")
        .check(APP);
  }

  @Test
  void theSharedCliPlumbingUsesNoCommand() {
    noClasses()
        .that()
        .resideInAPackage("org.rhizome.app.cli.common..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.rhizome.app", "org.rhizome.app.cli", "org.rhizome.app.cli.sync..", BENCH, P2P)
        .check(APP);
  }

  @Test
  void theBenchesAreReachedOnlyByTheCommandRegistration() {
    noClasses()
        .that()
        .resideOutsideOfPackages(BENCH, P2P)
        .and()
        .doNotHaveFullyQualifiedName(REGISTRATION)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(BENCH, P2P)
        .check(APP);
  }

  @Test
  void theBenchesUseNoCommandOfTheRestOfApp() {
    // What a bench module would need of app: the shared plumbing, the data directory, the sync
    // launcher's policy. Not the commands, not the root.
    noClasses()
        .that()
        .resideInAnyPackage(BENCH, P2P)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.rhizome.app", "org.rhizome.app.cli", "org.rhizome.app.cli.sync..")
        .check(APP);
  }
}
