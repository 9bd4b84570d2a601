package org.rhizome.graph.change;

import org.rhizome.graph.api.ChangeRefusedException;
import org.rhizome.graph.api.RefusalReason;

/** The bytes are not a canonical change of a known format, or exceed a limit. */
public final class MalformedChangeException extends ChangeRefusedException {
  private static final long serialVersionUID = 1L;

  public MalformedChangeException(String detail) {
    super(RefusalReason.MALFORMED, detail);
  }

  private MalformedChangeException(RefusalReason reason, String detail) {
    super(reason, detail);
  }

  public static MalformedChangeException tooLarge(String detail) {
    return new MalformedChangeException(RefusalReason.TOO_LARGE, detail);
  }
}
