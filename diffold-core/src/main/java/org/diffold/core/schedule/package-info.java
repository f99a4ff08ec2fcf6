/** Discrete noise schedules beta_1..beta_T and their parser (spec/math.md §2). */
package org.diffold.core.schedule;
