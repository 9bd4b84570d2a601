/**
 * {@code rhizome bench …}: the benchmarks (engine, CLI processes, editor, graph, vault, query, UI,
 * trash, render, Markdown, sync, soak; {@code bench net} is in {@code app.cli.p2p}). A corner of
 * its own, kept apart so that it could become a module: it uses the engine, sync, ui and {@code
 * app.cli.common}, and nothing else of app uses it but the root command that lists it ({@code
 * ModuleTableTest}/{@code AppPackagesTest} check both).
 */
package org.rhizome.app.cli.bench;
