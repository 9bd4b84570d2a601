package org.rhizome.sync.transport;

/** Who dialed: we did (outbound) or they did (inbound). */
public enum Direction {
  INBOUND,
  OUTBOUND
}
