/**
 * Accuracy of learned scores and of samples: eps_score^2 against an exact score (docs/math.md §4.4), and sample
 * metrics against a known target (complement-block KL from sample covariances, docs/math.md §4.1; sliced
 * Wasserstein; MMD). Pure Java on core types; no DJL.
 */
package org.diffold.nn.eval;
