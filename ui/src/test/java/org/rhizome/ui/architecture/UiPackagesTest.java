package org.rhizome.ui.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the ui module, on its compiled main classes: the workbench kit at the bottom, the
 * features on it (depending on each other without a cycle), the shell on top composing them. A
 * break names the classes and the dependency that broke it.
 */
class UiPackagesTest {
  private static final String UI = "org.rhizome.ui";
  private static final String KIT = "org.rhizome.ui.workbench..";
  private static final String SHELL = "org.rhizome.ui.shell..";
  private static JavaClasses ui;

  @BeforeAll
  static void importUi() {
    ui =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(UI);
  }

  @Test
  void importsTheModule() {
    // An empty import would pass every rule below.
    org.assertj.core.api.Assertions.assertThat(ui.containPackage("org.rhizome.ui.editor")).isTrue();
    org.assertj.core.api.Assertions.assertThat(ui.containPackage("org.rhizome.ui.workbench"))
        .isTrue();
  }

  @Test
  void noPackageCycles() {
    slices().matching("org.rhizome.ui.(**)").should().beFreeOfCycles().check(ui);
  }

  @Test
  void theKitKnowsNoFeature() {
    noClasses()
        .that()
        .resideInAPackage(KIT)
        .should()
        .dependOnClassesThat(resideInAPackage("org.rhizome.ui..").and(resideOutsideOfPackage(KIT)))
        .check(ui);
  }

  /**
   * Only the shell composes the window. Two things sit above it and may use it: the screenshot
   * tool, which drives a whole window, and the sync extension's window opener, which opens a window
   * of its own for another workspace file ({@code WorkspaceWindows}, by name so the rule survives
   * the sync package's rename).
   */
  @Test
  void onlyTheShellAndWhatDrivesWholeWindowsUseTheShell() {
    noClasses()
        .that()
        .resideInAPackage("org.rhizome.ui..")
        .and()
        .resideOutsideOfPackages(SHELL, "org.rhizome.ui.screenshot..")
        .and()
        .doNotHaveSimpleName("WorkspaceWindows")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(SHELL)
        .check(ui);
    classes()
        .that()
        .haveSimpleName("WorkspaceWindows")
        .should()
        .onlyDependOnClassesThat(
            not(resideInAPackage(SHELL))
                .or(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName(
                        "DesktopSession"))
                .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("UiServices")))
        .check(ui);
  }

  @Test
  void uiNeverUsesTheApp() {
    noClasses()
        .that()
        .resideInAPackage("org.rhizome.ui..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.rhizome.app..")
        .check(ui);
  }
}
