package org.rhizome.graph.repair;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.rhizome.graph.text.MalformedTextException;
import org.rhizome.graph.text.TextSnapshotCodec;

/**
 * Every stored text (note bodies) against the checksum its snapshot is sealed with: the same check
 * a read makes, over the whole file, so {@code rhizome check} names each damaged text. Texts
 * written before seals existed are counted, not checked (they are sealed on their next edit or a
 * repair).
 */
final class SealedTexts {
  /** Names quoted in the report, at most. */
  private static final int NAMED = 10;

  long checked;
  long unsealed;
  long damaged;
  final List<String> names = new ArrayList<>();

  private SealedTexts() {}

  static SealedTexts check(Connection c) throws SQLException {
    SealedTexts out = new SealedTexts();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT t.soul, t.name, t.snapshot, f.value, n.title FROM text_state t"
                    + " JOIN field f ON f.soul = t.soul AND f.name = t.name"
                    + " LEFT JOIN note n ON n.soul = t.soul");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.checked++;
        try {
          if (!TextSnapshotCodec.checkSeal(rs.getBytes(3), rs.getBytes(4))) {
            out.unsealed++;
          }
        } catch (MalformedTextException e) {
          out.damaged++;
          if (out.names.size() < NAMED) {
            String title = rs.getString(5);
            out.names.add(
                (title != null ? "\"" + title + "\" (" + rs.getString(1) + ")" : rs.getString(1))
                    + " "
                    + rs.getString(2)
                    + ": "
                    + e.getMessage());
          }
        }
      }
    }
    return out;
  }

  /** The check's sentence for damaged texts. */
  String problem() {
    return damaged
        + (damaged == 1 ? " stored text fails" : " stored texts fail")
        + " its checksum (bytes changed at rest; reading it is refused, `rhizome repair` rebuilds it"
        + " from the log): "
        + String.join("; ", names)
        + (damaged > names.size() ? "; …" : "");
  }
}
