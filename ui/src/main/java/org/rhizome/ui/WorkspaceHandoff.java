package org.rhizome.ui;

import java.util.concurrent.atomic.AtomicReference;
import org.rhizome.graph.Workspace;

/**
 * Passes the workspace that {@code app} opened to {@link RhizomeApp}, which JavaFX constructs itself
 * (by reflection, with no arguments) inside {@code Application.launch}. A deliberately small static
 * handoff for the placeholder window; the UI issue replaces it with proper wiring.
 *
 * <p>Thread-safe. The caller keeps ownership: it closes the workspace after {@code launch} returns.
 */
public final class WorkspaceHandoff {
  private static final AtomicReference<Workspace> PENDING = new AtomicReference<>();

  private WorkspaceHandoff() {}

  /** Called by the launcher just before {@code Application.launch(RhizomeApp.class)}. */
  public static void offer(Workspace workspace) {
    PENDING.set(workspace);
  }

  /** Called once by {@link RhizomeApp#init()}. @throws IllegalStateException if nothing was offered */
  static Workspace take() {
    Workspace workspace = PENDING.getAndSet(null);
    if (workspace == null) {
      throw new IllegalStateException("RhizomeApp was launched without a workspace: use WorkspaceHandoff.offer first");
    }
    return workspace;
  }
}
