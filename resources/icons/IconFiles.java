import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Packs the rendered PNGs into Windows' .ico and macOS' .icns, so that no platform tool (icotool,
 * iconutil) is needed. Both formats may hold PNG data as is: .ico since Windows Vista, .icns since
 * Mac OS X 10.7. Run by render-icons.sh: {@code java IconFiles.java PNG_DIR OUT_DIR}.
 */
public final class IconFiles {
  /** .icns entry types holding PNG data, with the pixel size each one wants. */
  private static final Map<String, Integer> ICNS_TYPES = new LinkedHashMap<>();

  static {
    ICNS_TYPES.put("icp4", 16);
    ICNS_TYPES.put("icp5", 32);
    ICNS_TYPES.put("ic11", 32);   // 16 pt @2x
    ICNS_TYPES.put("icp6", 64);
    ICNS_TYPES.put("ic12", 64);   // 32 pt @2x
    ICNS_TYPES.put("ic07", 128);
    ICNS_TYPES.put("ic08", 256);
    ICNS_TYPES.put("ic13", 256);  // 128 pt @2x
    ICNS_TYPES.put("ic09", 512);
    ICNS_TYPES.put("ic14", 512);  // 256 pt @2x
    ICNS_TYPES.put("ic10", 1024); // 512 pt @2x
  }

  private static final int[] ICO_SIZES = {16, 24, 32, 48, 64, 128, 256};

  private IconFiles() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java IconFiles.java PNG_DIR OUT_DIR");
      System.exit(2);
    }
    Path pngs = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Files.write(out.resolve("rhizome.ico"), ico(pngs));
    Files.write(out.resolve("rhizome.icns"), icns(pngs));
  }

  private static byte[] png(Path dir, int size) throws IOException {
    return Files.readAllBytes(dir.resolve("rhizome-" + size + ".png"));
  }

  /** ICONDIR, then one ICONDIRENTRY per image, then the images; all little-endian. */
  static byte[] ico(Path dir) throws IOException {
    byte[][] images = new byte[ICO_SIZES.length][];
    for (int i = 0; i < ICO_SIZES.length; i++) {
      images[i] = png(dir, ICO_SIZES[i]);
    }
    int headerLength = 6 + 16 * images.length;
    int total = headerLength;
    for (byte[] image : images) {
      total += image.length;
    }
    ByteBuffer buffer = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putShort((short) 0).putShort((short) 1).putShort((short) images.length);
    int offset = headerLength;
    for (int i = 0; i < images.length; i++) {
      int size = ICO_SIZES[i];
      buffer.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)); // 0 means 256
      buffer.put((byte) 0).put((byte) 0);               // no palette, reserved
      buffer.putShort((short) 1).putShort((short) 32);  // colour planes, bits per pixel
      buffer.putInt(images[i].length).putInt(offset);
      offset += images[i].length;
    }
    for (byte[] image : images) {
      buffer.put(image);
    }
    return buffer.array();
  }

  /** "icns" and the file length, then entries of (type, length including its 8-byte header, data); big-endian. */
  static byte[] icns(Path dir) throws IOException {
    ByteArrayOutputStream entries = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(entries);
    for (Map.Entry<String, Integer> type : ICNS_TYPES.entrySet()) {
      byte[] image = png(dir, type.getValue());
      out.writeBytes(type.getKey());
      out.writeInt(8 + image.length);
      out.write(image);
    }
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    DataOutputStream header = new DataOutputStream(file);
    header.writeBytes("icns");
    header.writeInt(8 + entries.size());
    entries.writeTo(file);
    return file.toByteArray();
  }
}
