package org.rhizome.ui.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.transform.Transform;
import org.jspecify.annotations.Nullable;

/**
 * Node labels as small pre-rendered images (text with a halo in the background colour), made once
 * per title and kept (most recently used first, up to {@value #CAPACITY}). Drawing text on a canvas
 * costs JavaFX's software pipeline about a third of a millisecond per label per frame; copying a
 * sprite costs microseconds. To keep frames even, at most {@value #NEW_PER_FRAME} new sprites are
 * made per frame: labels coming into view may appear a frame or two late. FX thread only.
 */
final class LabelSprites {
  private static final int CAPACITY = 3000;
  private static final int NEW_PER_FRAME = 40;

  /** A label image: premultiplied ARGB, {@code width × height} device pixels. */
  record Sprite(int[] pixels, int width, int height) {}

  private final Map<String, Sprite> cache =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Sprite> eldest) {
          return size() > CAPACITY;
        }
      };
  private final Font plain = Font.font(Font.getDefault().getFamily(), 12);
  private final Font strong = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 13);
  private @Nullable Color text;
  private @Nullable Color halo;
  private double pixelScale = 1;
  private int budget;

  /** Starts a frame; a change of colours or screen scale empties the cache. */
  void beginFrame(Color textColour, Color haloColour, double scale) {
    if (!textColour.equals(text) || !haloColour.equals(halo) || scale != pixelScale) {
      cache.clear();
      text = textColour;
      halo = haloColour;
      pixelScale = scale;
    }
    budget = NEW_PER_FRAME;
  }

  /**
   * The sprite for {@code label}; null when it is not made yet and this frame's budget is spent
   * (unless {@code always}).
   */
  @Nullable Sprite get(String label, boolean bold, boolean always) {
    String key = (bold ? "b:" : "p:") + label;
    Sprite sprite = cache.get(key);
    if (sprite != null || (budget <= 0 && !always)) {
      return sprite;
    }
    budget--;
    sprite = render(label, bold);
    cache.put(key, sprite);
    return sprite;
  }

  private Sprite render(String label, boolean bold) {
    Font font = bold ? strong : plain;
    Text back = new Text(label);
    back.setFont(font);
    back.setFill(halo);
    back.setStroke(halo);
    back.setStrokeWidth(3);
    Text front = new Text(label);
    front.setFont(font);
    front.setFill(text);
    Group group = new Group(back, front);
    SnapshotParameters params = new SnapshotParameters();
    params.setFill(Color.TRANSPARENT);
    params.setTransform(Transform.scale(pixelScale, pixelScale));
    Bounds bounds = group.getLayoutBounds();
    WritableImage image = group.snapshot(params, null);
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] pixels = new int[w * h];
    image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), pixels, 0, w);
    return bounds.isEmpty() ? new Sprite(new int[0], 0, 0) : new Sprite(pixels, w, h);
  }
}
