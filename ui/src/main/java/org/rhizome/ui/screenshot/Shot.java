package org.rhizome.ui.screenshot;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.rhizome.ui.shell.DesktopSession;

/**
 * One screenshot: a name (the PNG is {@code NAME-light.png} / {@code NAME-dark.png}) and what to do
 * to the window before it is taken (open a view, type a query). {@code prepare} runs on the FX
 * thread and completes when the window shows what the shot is of.
 */
public record Shot(String name, Function<DesktopSession, CompletableFuture<?>> prepare) {}
