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
   * The engine's API (the façade, ids and values, an api package once there is one) and, below, the
   * rest sync uses.
   */
  private static final Set<String> ENGINE_PACKAGES_SYNC_USES =
      Set.of(
          "org.rhizome.graph",
          "org.rhizome.graph.model",
          "org.rhizome.graph.api",
          // change: the Change a feed event carries, the codec that names a refused change's hash,
          // refusal reasons
          "org.rhizome.graph.change",
          // identity: the device key, which is also the libp2p identity
          "org.rhizome.graph.identity",
          // membership: inviting and joining are membership operations (Grant, InviteKey,
          // NotAllowedException)
          "org.rhizome.graph.membership",
          // store: the typed storage errors callers catch, and ChangeLog.Entry, which changesSince
          // returns
          // until the engine hands out an API record of stored bytes
          "org.rhizome.graph.store");

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
   * Sync talks to the engine through its API: the façade package and the ids and values. The other
   * engine packages it still needs are named in {@link #ENGINE_PACKAGES_SYNC_USES}, each for a
   * reason, so that using a new one is a decision, not an accident.
   */
  @ArchTest
  static final ArchRule syncUsesOnlyTheEnginesApi =
      noClasses()
          .that()
          .resideInAPackage("org.rhizome.sync..")
          .should()
          .dependOnClassesThat(
              DescribedPredicate.describe(
                  "engine classes outside the packages listed",
                  (JavaClass c) ->
                      c.getPackageName().startsWith("org.rhizome.graph")
                          && !ENGINE_PACKAGES_SYNC_USES.contains(c.getPackageName())));
}
