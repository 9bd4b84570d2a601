package org.rhizome.app.cli.bench;

import picocli.CommandLine.Command;

/** {@code rhizome bench …}: benchmarks that print their figures as JSON. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure Rhizome's speed (prints JSON).",
    subcommands = {
      EngineBenchCommand.class,
      TrustBenchCommand.class,
      CliBenchCommand.class,
      EditorBenchCommand.class,
      TraceBenchCommand.class,
      GraphBenchCommand.class,
      VaultBenchCommand.class,
      QueryBenchCommand.class,
      UiBenchCommand.class,
      UiProbeCommand.class,
      TrashBenchCommand.class,
      RenderBenchCommand.class,
      EditorAssistBenchCommand.class,
      MarkdownBenchCommand.class,
      org.rhizome.app.cli.p2p.NetBenchCommand.class,
      org.rhizome.app.cli.bench.SyncBenchCommand.class,
      org.rhizome.app.cli.bench.SoakBenchCommand.class
    })
public final class BenchCommand {}
