package org.rhizome.app.cli.sync;

import org.rhizome.sync.peer.Multiaddr;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A multiaddr option such as {@code /ip4/192.168.1.5/tcp/4001/p2p/12D3Koo…}. */
final class MultiaddrConverter implements ITypeConverter<Multiaddr> {
  @Override
  public Multiaddr convert(String value) {
    try {
      return Multiaddr.parse(value);
    } catch (RuntimeException e) {
      throw new TypeConversionException(
          "'" + value + "' is not a multiaddr (" + e.getMessage() + ")");
    }
  }
}
