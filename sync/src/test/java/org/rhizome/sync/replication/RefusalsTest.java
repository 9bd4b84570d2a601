package org.rhizome.sync.replication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rhizome.graph.api.ApplyResult;
import org.rhizome.graph.api.RefusalReason;
import org.rhizome.graph.model.ChangeHash;

class RefusalsTest {
  @Test
  void aChangeOfferedAgainIsCountedAndReportedOnce() {
    Refusals r = new Refusals();
    ChangeHash h1 = ChangeHash.of(new byte[32]);
    byte[] b2 = new byte[32];
    b2[0] = 1;
    ChangeHash h2 = ChangeHash.of(b2);
    assertThat(r.last()).isNull();
    assertThat(r.record(ApplyResult.refused(h1, RefusalReason.TOO_LARGE, "too long"))).isTrue();
    for (int i = 0; i < 5; i++) {
      assertThat(r.record(ApplyResult.refused(h1, RefusalReason.TOO_LARGE, "too long"))).isFalse();
    }
    assertThat(r.record(ApplyResult.refused(h2, RefusalReason.NOT_ALLOWED, "not a member")))
        .isTrue();
    assertThat(r.count()).isEqualTo(2);
    assertThat(r.last()).isEqualTo("NOT_ALLOWED: not a member");
  }
}
