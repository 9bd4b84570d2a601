package org.rhizome.sync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/** The module rules of docs STYLE §1 for sync, checked on the compiled classes (ArchUnit). */
@AnalyzeClasses(packages = "org.rhizome.sync", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /**
   * The engine's packages sync may use (docs/engine-api.md, "What sync may use"): its API — the ids
   * and values, the exceptions and records that cross the boundary, the role interfaces in the root
   * package (only those in {@link #ENGINE_ROOT_CLASSES_SYNC_USES}) — and three packages below it,
   * each for a reason.
   */
  private static final Set<String> ENGINE_PACKAGES_SYNC_USES =
      Set.of(
          "org.rhizome.graph",
          "org.rhizome.graph.model",
          "org.rhizome.graph.api",
          // change: the Change a feed event carries (its bytes are published), and the codec that
          // names a refused change's hash
          "org.rhizome.graph.change",
          // identity: the device key, which is also the libp2p identity
          "org.rhizome.graph.identity",
          // membership: inviting and joining are membership operations (Grant, InviteKey, the
          // system souls a pending join looks for)
          "org.rhizome.graph.membership");

  /**
   * The root package's classes sync may use: the Replica role and what it hands out. {@code
   * Workspace} itself only where {@link #syncHoldsTheReplicaRoleNotTheWorkspace} allows it.
   */
  private static final Set<String> ENGINE_ROOT_CLASSES_SYNC_USES =
      Set.of(
          "org.rhizome.graph.Replica",
          "org.rhizome.graph.LocalSettings",
          "org.rhizome.graph.WorkspaceMembership",
          "org.rhizome.graph.ChangeEvent",
          "org.rhizome.graph.ChangeListener",
          "org.rhizome.graph.Workspace");

  /** The protocol layers under the host, bottom up. */
  private static final String[] LAYERS_UNDER_THE_HOST = {
    "org.rhizome.sync.peer..",
    "org.rhizome.sync.varint..",
    "org.rhizome.sync.multistream..",
    "org.rhizome.sync.noise..",
    "org.rhizome.sync.yamux..",
    "org.rhizome.sync.pnet..",
    "org.rhizome.sync.transport..",
    "org.rhizome.sync.identify..",
    "org.rhizome.sync.ping..",
    "org.rhizome.sync.gossip..",
    "org.rhizome.sync.mdns.."
  };

  @ArchTest
  static final ArchRule syncNeverUsesJavaFxUiOrApp =
      noClasses()
          .that()
          .resideInAPackage("org.rhizome.sync..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..", "org.rhizome.ui..", "org.rhizome.app..");

  @ArchTest
  static final ArchRule protocolLayersDoNotReachUpIntoTheHost =
      noClasses()
          .that()
          .resideInAnyPackage(LAYERS_UNDER_THE_HOST)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.rhizome.sync.host..", "org.rhizome.sync.replication..");

  @ArchTest
  static final ArchRule identitiesAndEncodingsDependOnNoNetworkLayer =
      noClasses()
          .that()
          .resideInAnyPackage("org.rhizome.sync.peer..", "org.rhizome.sync.varint..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.netty.channel..", "org.rhizome.sync.transport..");

  /**
   * Every package of sync is its own slice: no two of them depend on each other, directly or around
   * a ring.
   */
  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("org.rhizome.sync.(**)").should().beFreeOfCycles();

  /**
   * Sync talks to the engine through its API: the packages in {@link #ENGINE_PACKAGES_SYNC_USES}
   * and, of the root package, the classes in {@link #ENGINE_ROOT_CLASSES_SYNC_USES}, so that using
   * a new one is a decision, not an accident.
   */
  @ArchTest
  static final ArchRule syncUsesOnlyTheEnginesApi =
      noClasses()
          .that()
          .resideInAPackage("org.rhizome.sync..")
          .should()
          .dependOnClassesThat(
              DescribedPredicate.describe(
                  "engine classes outside the packages and root classes listed",
                  (JavaClass c) ->
                      c.getPackageName().startsWith("org.rhizome.graph")
                          && (!ENGINE_PACKAGES_SYNC_USES.contains(c.getPackageName())
                              || (c.getPackageName().equals("org.rhizome.graph")
                                  && !ENGINE_ROOT_CLASSES_SYNC_USES.contains(
                                      outermost(c).getName())))));

  /**
   * Sync holds the Replica role, not the whole Workspace (a pending join takes the replica with its
   * local settings). One class names it: {@code invite.SharedWorkspaces}, the factory that creates
   * and opens workspace files (founding one, opening one to join) and hands them to the caller.
   */
  @ArchTest
  static final ArchRule syncHoldsTheReplicaRoleNotTheWorkspace =
      noClasses()
          .that()
          .resideInAPackage("org.rhizome.sync..")
          .and()
          .doNotHaveFullyQualifiedName("org.rhizome.sync.replication.invite.SharedWorkspaces")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("org.rhizome.graph.Workspace");

  private static JavaClass outermost(JavaClass c) {
    JavaClass o = c;
    while (o.getEnclosingClass().isPresent()) {
      o = o.getEnclosingClass().get();
    }
    return o;
  }
}
