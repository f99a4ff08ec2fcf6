/**
 * {@code diffold reproduce sampler-adaptivity}: which practitioners' samplers adapt to unknown low-dimensional
 * structure, by their exact errors on subspace targets (docs/math.md §3.3, §4), and the shared exact-error maps the
 * {@code error} command prints for {@code --sampler} and {@code --scheme}.
 */
package org.diffold.lab.experiment.adaptivity;
