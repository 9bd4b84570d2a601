package org.rhizome.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PixelRasterTest {
  private static final int WHITE = 0xFFFFFF;
  private static final int BLACK = 0x000000;

  private static PixelRaster raster(int w, int h) {
    PixelRaster r = new PixelRaster();
    r.use(new int[w * h], w, h, WHITE);
    return r;
  }

  private static int at(PixelRaster r, int x, int y) {
    return r.pixels()[y * r.width() + x] & 0xFFFFFF;
  }

  @Test
  void opaqueLineCoversItsPixels() {
    PixelRaster r = raster(20, 10);
    r.fastLine(2, 5, 17, 5, BLACK, 256);
    for (int x = 2; x <= 17; x++) {
      assertThat(at(r, x, 5)).isEqualTo(BLACK);
    }
    assertThat(at(r, 1, 5)).isEqualTo(WHITE);
    assertThat(at(r, 18, 5)).isEqualTo(WHITE);
  }

  @Test
  void halfOpaqueBlendIsHalfway() {
    PixelRaster r = raster(4, 4);
    r.fastLine(0, 1, 3, 1, BLACK, 128);
    assertThat(at(r, 1, 1) & 0xFF).isBetween(126, 129);
  }

  @Test
  void linesFarOutsideOrCrossingTheBufferNeverWriteOutside() {
    Random random = new Random(5);
    PixelRaster r = raster(50, 30);
    for (int i = 0; i < 20_000; i++) {
      double[] p = new double[4];
      for (int k = 0; k < 4; k++) {
        p[k] = (random.nextDouble() - 0.5) * (random.nextBoolean() ? 200 : 1e7);
      }
      r.line(p[0], p[1], p[2], p[3], BLACK, 200);
      r.fastLine(p[0], p[1], p[2], p[3], BLACK, 200);
      r.disc(p[0], p[1], random.nextDouble() * 40, 0, BLACK, 256);
    }
    assertThat(r.pixels()).hasSize(50 * 30);
  }

  @Test
  void discFillsItsInsideAndLeavesTheCornersOfItsBox() {
    PixelRaster r = raster(21, 21);
    r.disc(10.5, 10.5, 8, 0, BLACK, 256);
    assertThat(at(r, 10, 10)).isEqualTo(BLACK);
    assertThat(at(r, 10, 4)).isEqualTo(BLACK);
    assertThat(at(r, 3, 3)).isEqualTo(WHITE);
  }

  @Test
  void ringLeavesItsMiddleUntouched() {
    PixelRaster r = raster(21, 21);
    r.disc(10.5, 10.5, 9, 6, BLACK, 256);
    assertThat(at(r, 10, 10)).isEqualTo(WHITE);
    assertThat(at(r, 10, 2)).isEqualTo(BLACK);
  }
}
