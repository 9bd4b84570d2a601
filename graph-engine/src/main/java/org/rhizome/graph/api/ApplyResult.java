package org.rhizome.graph.api;

import org.jspecify.annotations.Nullable;
import org.rhizome.graph.model.ChangeHash;

/** The outcome of offering one remote change to the workspace. */
public record ApplyResult(
    Status status, @Nullable ChangeHash hash, @Nullable RefusalReason reason, String detail) {
  public enum Status {
    APPLIED,
    DUPLICATE,
    REFUSED
  }

  public static ApplyResult applied(ChangeHash hash) {
    return new ApplyResult(Status.APPLIED, hash, null, "");
  }

  public static ApplyResult duplicate(ChangeHash hash) {
    return new ApplyResult(Status.DUPLICATE, hash, null, "");
  }

  public static ApplyResult refused(
      @Nullable ChangeHash hash, RefusalReason reason, String detail) {
    return new ApplyResult(Status.REFUSED, hash, reason, detail);
  }

  public boolean isRefused() {
    return status == Status.REFUSED;
  }
}
