/**
 * Denoising score matching (Vincent 2011; docs/math.md §1): noise-level sampling over the discrete chain or the
 * OU process, loss weighting, Adam with a learning-rate schedule and gradient clipping, EMA of the weights,
 * train/validation split, validation loss and eps_score^2 against an exact score (docs/math.md §4.4), and
 * resumable, bit-exact training state. All randomness comes from Java {@code RandomStreams} keyed by the step.
 */
package org.diffold.nn.train;
