package org.rhizome.sync.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RateLimitedLogTest {
  @Test
  void oneLinePerCausePerIntervalThenTheCountOfWhatWasLeftOut() {
    AtomicLong now = new AtomicLong(1_000);
    RateLimitedLog log =
        new RateLimitedLog(
            LoggerFactory.getLogger(RateLimitedLogTest.class), 10, TimeUnit.SECONDS, now::get);
    assertThat(log.admit("refused")).isZero();
    for (int i = 0; i < 44_000; i++) {
      assertThat(log.admit("refused")).isEqualTo(-1);
    }
    assertThat(log.admit("other cause")).isZero();
    now.addAndGet(TimeUnit.SECONDS.toNanos(10));
    assertThat(log.admit("refused")).isEqualTo(44_000);
    assertThat(log.admit("refused")).isEqualTo(-1);
  }
}
