/**
 * Score networks: the MLP and residual MLP on [x, embedding(noise level)], the sinusoidal noise-level embedding,
 * and the parameterisations (epsilon, x0, score, edm, edm-pca with its {@link org.diffold.nn.net.Whitening}) with
 * their conversions to a score (docs/math.md §1).
 * Weights are float32 NDArrays; everything facing core is double.
 */
package org.diffold.nn.net;
