package org.rhizome.app.cli.bench;

import picocli.CommandLine.Command;

/** {@code rhizome bench …}: benchmarks that print their figures as JSON. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure Rhizome's speed (prints JSON).",
    subcommands = {EngineBenchCommand.class, TraceBenchCommand.class, GraphBenchCommand.class, VaultBenchCommand.class,
        UiBenchCommand.class, UiProbeCommand.class, EditorAssistBenchCommand.class,
        org.rhizome.app.cli.p2p.NetBenchCommand.class, org.rhizome.app.cli.sync.SyncBenchCommand.class})
public final class BenchCommand {}
