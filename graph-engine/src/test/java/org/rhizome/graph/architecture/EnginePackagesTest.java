package org.rhizome.graph.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's package rules (docs/engine-api.md), checked on the compiled classes: no package
 * cycles (the root package, the façade, counted as a package of its own), the API package a leaf,
 * the store reached only by the code that writes or checks it, its public surface a fixed list, an
 * {@code internal} package used only by its parent.
 */
class EnginePackagesTest {
  /**
   * Reads the text history straight from the log (the store's ChangeLog); no cycle, one known
   * reach.
   */
  private static final String TEXT_HISTORY_QUERIES = "org.rhizome.graph.query.TextHistoryQueries";

  private static JavaClasses engine;

  @BeforeAll
  static void importEngine() {
    engine =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rhizome.graph");
  }

  /**
   * Each first-level package of the engine (its sub-packages included) is a slice; the root package
   * is one too.
   */
  static final SliceAssignment FIRST_LEVEL =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
          String p = c.getPackageName();
          if (p.equals("org.rhizome.graph")) {
            return SliceIdentifier.of("(root)");
          }
          if (p.startsWith("org.rhizome.graph.")) {
            return SliceIdentifier.of(p.substring("org.rhizome.graph.".length()).split("\\.")[0]);
          }
          return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
          return "the engine's first-level packages and its root package";
        }
      };

  @Test
  void firstLevelPackagesAndTheRootHaveNoCycles() {
    slices().assignedFrom(FIRST_LEVEL).should().beFreeOfCycles().check(engine);
  }

  @Test
  void everyPackageDownToTheLeavesHasNoCycles() {
    slices().matching("org.rhizome.graph.(**)").should().beFreeOfCycles().check(engine);
  }

  @Test
  void theApiPackageIsALeafOverTheModel() {
    classes()
        .that()
        .resideInAPackage("org.rhizome.graph.api..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "org.rhizome.graph.api..", "org.rhizome.graph.model..", "java..", "org.jspecify..")
        .check(engine);
  }

  @Test
  void onlyTheClientsAboveTheFacadeUseIt() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "org.rhizome.graph", "org.rhizome.graph.vault..", "org.rhizome.graph.repair..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.rhizome.graph")
        .check(engine);
  }

  @Test
  void theStoreIsUsedOnlyByTheFacadeAndTheCodeThatWritesOrChecksTheFile() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "org.rhizome.graph",
            "org.rhizome.graph.store..",
            "org.rhizome.graph.trash..",
            "org.rhizome.graph.repair..",
            "org.rhizome.graph.vault..")
        .and()
        .doNotHaveFullyQualifiedName(TEXT_HISTORY_QUERIES)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.rhizome.graph.store..")
        .check(engine);
  }

  @Test
  void theStoresPublicSurfaceIsThisListAndNoMore() {
    classes()
        .that()
        .resideInAPackage("org.rhizome.graph.store..")
        .and()
        .areTopLevelClasses()
        .and()
        .arePublic()
        .should()
        .haveSimpleName("GraphStore")
        .orShould()
        .haveSimpleName("WriteTxn")
        .orShould()
        .haveSimpleName("ReadTask")
        .orShould()
        .haveSimpleName("WriteTask")
        .orShould()
        .haveSimpleName("CommitListener")
        .orShould()
        .haveSimpleName("ChangeAuthor")
        .orShould()
        .haveSimpleName("ParsedBodies")
        .orShould()
        .haveSimpleName("ChangeLog")
        .orShould()
        .haveSimpleName("BlobStore")
        .orShould()
        .haveSimpleName("StateDigest")
        .orShould()
        .haveSimpleName("FieldTable")
        .orShould()
        .haveSimpleName("DamageMarker")
        .orShould()
        .haveSimpleName("QueryIndexStats")
        .orShould()
        .haveSimpleName("WriteStats") // the write path's CPU by stage, for rhizome bench engine
        .orShould()
        .haveSimpleName("WriterLookups")
        .orShould()
        .haveSimpleName("MemberRoles") // decision 0007: roles for WorkspaceMembership
        .orShould()
        .haveSimpleName("RefusalLog") // the sync log beside the file, written by Replication
        .orShould()
        .haveSimpleName("KeptTextEdits") // decision 0007: history replays withheld edits as kept
        .orShould()
        .haveSimpleName("EpochNetwork") // decision 0009: network secrets for WorkspaceMembership
        .orShould()
        .haveSimpleName("DeletedNotes")
        .check(engine);
  }

  /**
   * The other side of the list above: a store class is public only because code outside the store
   * uses it (the façade's parts, the editors' transactions, repair, the vault), so one that nobody
   * outside uses any more must become package-private. Functional interfaces the façade passes
   * lambdas to ({@code ReadTask}, {@code WriteTask}, {@code CommitListener}: parameter types of a
   * public method) count: javac refuses a lambda for an interface it cannot see. {@code
   * QueryIndexStats} is read only by {@code rhizome bench query} in app, which this module cannot
   * see.
   */
  @Test
  void aPublicStoreClassIsUsedOutsideTheStore() {
    classes()
        .that()
        .resideInAPackage("org.rhizome.graph.store..")
        .and()
        .areTopLevelClasses()
        .and()
        .arePublic()
        .and()
        .doNotHaveSimpleName("QueryIndexStats")
        .should(
            new ArchCondition<JavaClass>("be used by a class outside the store") {
              @Override
              public void check(JavaClass c, ConditionEvents events) {
                boolean used =
                    c.getDirectDependenciesToSelf().stream()
                            .anyMatch(
                                d ->
                                    !d.getOriginClass()
                                        .getPackageName()
                                        .startsWith("org.rhizome.graph.store"))
                        // a lambda is no dependency to ArchUnit: what a public method takes counts
                        || c.getMethodsWithParameterTypeOfSelf().stream()
                            .anyMatch(
                                m ->
                                    m.getModifiers().contains(JavaModifier.PUBLIC)
                                        && m.getOwner()
                                            .getModifiers()
                                            .contains(JavaModifier.PUBLIC));
                if (!used) {
                  events.add(
                      SimpleConditionEvent.violated(
                          c, c.getName() + " is public but used only inside the store"));
                }
              }
            })
        .check(engine);
  }

  @Test
  void internalPackagesAreUsedOnlyByTheirParent() {
    for (JavaClass c : engine) {
      String p = c.getPackageName();
      int at = p.indexOf(".internal");
      if (at < 0) {
        continue;
      }
      String parent = p.substring(0, at);
      noClasses()
          .that()
          .resideOutsideOfPackage(parent + "..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(parent + ".internal..")
          .allowEmptyShould(true)
          .check(engine);
    }
  }
}
