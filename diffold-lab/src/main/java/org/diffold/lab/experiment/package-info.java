/**
 * Experiments, one class per reproduced claim, with their small numerical helpers (log-log fits, step-count
 * thresholds). Each experiment stores its cells in the run store and writes a report.
 */
package org.diffold.lab.experiment;
