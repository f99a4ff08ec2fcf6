/** Discrete noise schedules beta_1..beta_T and their parser (docs/math.md §2). */
package org.diffold.core.schedule;
