/**
 * Reproductions, one sub-package per paper, each storing its cells in the run store and writing a report:
 * {@code liyan} (Li &amp; Yan, coefficient design), {@code potaptchik} (steps linear in the intrinsic dimension),
 * {@code learned} (learned scores), {@code id} (intrinsic dimension of data sets and the 24-manifold benchmark),
 * and {@code common}, the helpers they share (log-log fits, exact factor calculators, exact-error summaries).
 */
package org.diffold.lab.experiment;
