package org.rhizome.app.cli.bench;

import java.util.Arrays;
import java.util.Random;

/**
 * Samples ranks 0..n-1 with probability proportional to 1/(rank+1)^s, by binary search over the
 * CDF.
 */
final class ZipfSampler {
  private final double[] cdf;

  ZipfSampler(int n, double s) {
    cdf = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1.0 / Math.pow(i + 1, s);
      cdf[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      cdf[i] /= sum;
    }
  }

  int sample(Random random) {
    int i = Arrays.binarySearch(cdf, random.nextDouble());
    return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
  }
}
