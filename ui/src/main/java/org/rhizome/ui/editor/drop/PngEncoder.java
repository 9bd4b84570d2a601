package org.rhizome.ui.editor.drop;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;

/**
 * Encodes a JavaFX {@link Image} (a pasted screenshot) as PNG, 8-bit RGBA, without AWT or
 * javafx-swing: the format is a signature and three chunks, and {@link java.util.zip} does the
 * compression. Any thread that may read the image.
 */
final class PngEncoder {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private PngEncoder() {}

  static byte[] encode(Image image) {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    PixelReader pixels = image.getPixelReader();
    if (w <= 0 || h <= 0 || pixels == null) {
      throw new IllegalArgumentException("the image has no pixels to store");
    }
    try {
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      try (DeflaterOutputStream z = new DeflaterOutputStream(raw)) {
        byte[] row = new byte[1 + w * 4]; // filter type 0 (none), then RGBA
        int[] argb = new int[w];
        for (int y = 0; y < h; y++) {
          pixels.getPixels(
              0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
          for (int x = 0; x < w; x++) {
            int p = argb[x];
            row[1 + x * 4] = (byte) (p >> 16);
            row[2 + x * 4] = (byte) (p >> 8);
            row[3 + x * 4] = (byte) p;
            row[4 + x * 4] = (byte) (p >>> 24);
          }
          z.write(row);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(raw.size() + 64);
      out.write(SIGNATURE);
      ByteArrayOutputStream header = new ByteArrayOutputStream(13);
      DataOutputStream hd = new DataOutputStream(header);
      hd.writeInt(w);
      hd.writeInt(h);
      hd.write(
          new byte[] {
            8, 6, 0, 0, 0
          }); // 8 bits per channel, RGBA, deflate, adaptive filters, no interlace
      chunk(out, "IHDR", header.toByteArray());
      chunk(out, "IDAT", raw.toByteArray());
      chunk(out, "IEND", new byte[0]);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("in-memory streams do not fail", e);
    }
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data)
      throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    d.writeInt(data.length);
    d.write(t);
    d.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    d.writeInt((int) crc.getValue());
  }
}
