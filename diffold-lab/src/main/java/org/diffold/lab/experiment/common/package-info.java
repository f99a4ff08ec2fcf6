/** Helpers shared by the reproductions: log-log fits, the exact 1-D factor calculators and the exact-error summaries of one sampler (docs/math.md §4). */
package org.diffold.lab.experiment.common;
