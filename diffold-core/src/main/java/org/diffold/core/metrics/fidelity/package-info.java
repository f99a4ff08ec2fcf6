/**
 * Generation metrics in a feature space that needs no download (docs/math.md §7): Fréchet distance of Gaussian fits,
 * k-NN precision and recall (Kynkäänniemi et al. 2019) and mode histograms (Stacked-MNIST protocol).
 */
package org.diffold.core.metrics.fidelity;
