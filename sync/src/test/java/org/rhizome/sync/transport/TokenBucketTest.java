package org.rhizome.sync.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  @Test
  void aBurstThenTheSteadyRate() {
    AtomicLong now = new AtomicLong();
    TokenBucket b = new TokenBucket(100, 10, now::get);
    int taken = 0;
    for (int i = 0; i < 50; i++) {
      taken += b.tryTake(1) ? 1 : 0;
    }
    assertThat(taken).isEqualTo(10);
    now.addAndGet(50_000_000); // 50 ms: 5 more
    taken = 0;
    for (int i = 0; i < 50; i++) {
      taken += b.tryTake(1) ? 1 : 0;
    }
    assertThat(taken).isEqualTo(5);
    now.addAndGet(10_000_000_000L); // never more than the burst saved up
    assertThat(b.tryTake(11)).isFalse();
    assertThat(b.tryTake(10)).isTrue();
  }
}
