package org.rhizome.sync.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionGateTest {
  private static InetAddress ip(int last) throws Exception {
    return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
  }

  @Test
  void oneAddressCannotHoldMoreThanItsShareOfPendingSlotsAndItsNewestAlwaysGetsIn()
      throws Exception {
    ConnectionGate gate = new ConnectionGate(64, 4, 256, 32);
    List<Channel> held = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Channel ch = new EmbeddedChannel();
      held.add(ch);
      assertThat(gate.admit(ip(2), ch).verdict()).isEqualTo(ConnectionGate.Verdict.ADMITTED);
    }
    ConnectionGate.Admission fifth = gate.admit(ip(2), new EmbeddedChannel());
    assertThat(fifth.verdict()).isEqualTo(ConnectionGate.Verdict.ADMITTED);
    assertThat(fifth.evicted()).isSameAs(held.get(0));
    assertThat(gate.pendingCount()).isEqualTo(4);
    assertThat(gate.admit(ip(1), new EmbeddedChannel()).verdict())
        .isEqualTo(ConnectionGate.Verdict.ADMITTED);
  }

  @Test
  void aNewcomerEvictsTheOldestPendingOfTheBusiestAddressWhenAllSlotsAreTaken() throws Exception {
    ConnectionGate gate = new ConnectionGate(8, 4, 256, 32);
    List<Channel> flood = new ArrayList<>();
    for (int a = 2; a <= 3; a++) {
      for (int i = 0; i < 4; i++) {
        Channel ch = new EmbeddedChannel();
        flood.add(ch);
        assertThat(gate.admit(ip(a), ch).verdict()).isEqualTo(ConnectionGate.Verdict.ADMITTED);
      }
    }
    Channel honest = new EmbeddedChannel();
    ConnectionGate.Admission in = gate.admit(ip(1), honest);
    assertThat(in.verdict()).isEqualTo(ConnectionGate.Verdict.ADMITTED);
    assertThat(in.evicted()).isSameAs(flood.get(0));
    // The flood refills by evicting its own, never the honest dialer (it has the fewest pending).
    for (int i = 0; i < 100; i++) {
      ConnectionGate.Admission f = gate.admit(ip(2 + i % 2), new EmbeddedChannel());
      assertThat(f.evicted()).isNotSameAs(honest);
    }
    assertThat(gate.pendingCount()).isEqualTo(8);
    assertThat(gate.promote(ip(1), honest)).isTrue();
    assertThat(gate.openCount()).isEqualTo(1);
    gate.closed(ip(1), honest);
    assertThat(gate.openCount()).isZero();
  }

  @Test
  void amongEquallyBusyAddressesTheOldestPendingGoesAndNoOneBusierMeansRefusal() throws Exception {
    ConnectionGate gate = new ConnectionGate(3, 4, 256, 32);
    Channel first = new EmbeddedChannel();
    gate.admit(ip(2), first);
    gate.admit(ip(3), new EmbeddedChannel());
    Channel fresh = new EmbeddedChannel();
    gate.admit(ip(5), fresh);
    assertThat(gate.admit(ip(4), new EmbeddedChannel()).evicted()).isSameAs(first);
    // ip 3, 4, 5 hold one each: a newcomer from ip 3 has as many as anyone, so it is refused.
    assertThat(gate.admit(ip(3), new EmbeddedChannel()).verdict())
        .isEqualTo(ConnectionGate.Verdict.TOO_MANY_PENDING);
    assertThat(gate.admit(ip(6), new EmbeddedChannel()).evicted()).isNotSameAs(fresh);
  }

  @Test
  void openLimitsApplyInAllAndPerAddress() throws Exception {
    ConnectionGate gate = new ConnectionGate(64, 8, 3, 2);
    for (int i = 0; i < 2; i++) {
      Channel ch = new EmbeddedChannel();
      gate.admit(ip(1), ch);
      assertThat(gate.promote(ip(1), ch)).isTrue();
    }
    assertThat(gate.admit(ip(1), new EmbeddedChannel()).verdict())
        .isEqualTo(ConnectionGate.Verdict.TOO_MANY_OPEN_FROM_ADDRESS);
    Channel third = new EmbeddedChannel();
    gate.admit(ip(2), third);
    Channel late = new EmbeddedChannel();
    assertThat(gate.admit(ip(3), late).verdict()).isEqualTo(ConnectionGate.Verdict.ADMITTED);
    assertThat(gate.promote(ip(2), third)).isTrue();
    assertThat(gate.promote(ip(3), late)).isFalse(); // the open table filled while it shook hands
    assertThat(gate.admit(ip(4), new EmbeddedChannel()).verdict())
        .isEqualTo(ConnectionGate.Verdict.TOO_MANY_OPEN);
    gate.closed(ip(3), late);
    assertThat(gate.pendingCount()).isZero();
  }

  @Test
  void aConnectionThatProvedTheKeyCannotBeEvicted() throws Exception {
    ConnectionGate gate = new ConnectionGate(64, 2, 256, 32);
    Channel member = new EmbeddedChannel();
    gate.admit(ip(1), member);
    gate.proven(ip(1), member);
    assertThat(gate.pendingCount()).isZero();
    for (int i = 0; i < 50; i++) {
      assertThat(gate.admit(ip(1), new EmbeddedChannel()).evicted()).isNotSameAs(member);
    }
    assertThat(gate.promote(ip(1), member)).isTrue();
    assertThat(gate.openCount()).isEqualTo(1);
  }
}
